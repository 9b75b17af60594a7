from containerlint.cli import run

run()

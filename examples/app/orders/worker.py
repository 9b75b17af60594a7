"""Background worker: ``python -m orders.worker``. Reads the database password from a file."""

import os
import time


def database_password() -> str:
    with open(os.environ["PASSWORD_FILE"], encoding="utf-8") as f:
        return f.read().strip()


if __name__ == "__main__":
    while True:  # the real job queue is out of scope for the example
        time.sleep(60)

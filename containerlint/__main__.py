from containerlint.cli import main

raise SystemExit(main())

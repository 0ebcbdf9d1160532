"""`python -m scheduler ...` is `sanctuary-tracker ...` (the daemon starts crawls this way)."""

from scheduler.cli import main

main()

"""Exit codes of `sanctuary-tracker crawl`, documented in the README."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_LOCKED = 75  # EX_TEMPFAIL: try again later
EXIT_INTERRUPTED = 130  # stopped by SIGTERM or SIGINT; what was stored is whole
EXIT_DATABASE_UNREACHABLE = 68  # the database server cannot be reached or refused the login
EXIT_FRONTIER_UNREACHABLE = 69  # EX_UNAVAILABLE: the Redis frontier of a distributed run cannot be reached

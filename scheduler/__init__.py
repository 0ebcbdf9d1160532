"""Running crawls now (cron) or on a schedule, and the command-line interface over the other layers."""

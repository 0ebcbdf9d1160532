"""Storage: SQLAlchemy models, engine setup, officials, statement dedup, queries and CSV export."""

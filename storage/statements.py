"""Statement identity: same official, dates within a window, and the same or cut-down words."""

import uuid
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.concurrency import OFFICIAL_STATEMENTS, lock
from storage.models import Statement
from storage.normalize import fingerprint, normalize_text, same_words

DATE_WINDOW = timedelta(days=1)


def find_or_add_statement(
    session: Session, official_id: int, said_on: date, text: str, url: str, seen_at: datetime
) -> tuple[Statement, bool]:
    """The statement these words belong to, added when new; the fullest text seen becomes canonical."""
    normalized = normalize_text(text)
    lock(session, OFFICIAL_STATEMENTS, official_id)
    candidates = session.scalars(
        select(Statement).where(
            Statement.official_id == official_id,
            Statement.said_on.between(said_on - DATE_WINDOW, said_on + DATE_WINDOW),
        )
    )
    for statement in candidates:
        if same_words(statement.normalized, normalized):
            # Outlets date the same words differently; the earliest date is when they were said.
            statement.said_on = min(statement.said_on, said_on)
            if len(normalized) > len(statement.normalized):
                statement.text = text
                statement.normalized = normalized
                statement.fingerprint = fingerprint(normalized)
            return statement, False
    statement = Statement(
        uid=uuid.uuid4().hex,
        official_id=official_id,
        said_on=said_on,
        text=text,
        normalized=normalized,
        fingerprint=fingerprint(normalized),
        first_url=url,
        first_seen_at=seen_at,
    )
    session.add(statement)
    session.flush()
    return statement, True

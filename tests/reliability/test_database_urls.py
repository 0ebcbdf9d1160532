"""Databases that cannot be opened are one line and exit 2 (68 for a server that cannot be reached); read
commands never write (issue 20, 11 and 13)."""

import hashlib
import socket

import pytest

from tests.conftest import optional, run_cli

READ_COMMANDS = [
    ["statements"],
    ["runs"],
    ["sources"],
    ["officials", "list"],
    ["export", "statements", "-o", "-"],
]


def one_line_error(result, *words, code=2):
    assert result.returncode == code, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in result.stderr, result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def test_a_plain_path_is_a_sqlite_file_and_read_commands_need_it_to_exist(tmp_path):
    # `--db tracker.db` was a traceback; a read command given a missing file created an empty database.
    created = run_cli("db", "upgrade", "--db", "t.db", cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    assert (tmp_path / "t.db").exists()
    for args in READ_COMMANDS:
        assert run_cli(*args, "--db", "t.db", cwd=tmp_path).returncode == 0
        one_line_error(run_cli(*args, "--db", "missing.db", cwd=tmp_path), "no database at missing.db")
    assert not (tmp_path / "missing.db").exists()


def test_read_commands_work_on_a_read_only_database_and_change_nothing(tmp_path):
    # Opening synced the official registry into the database: every read command failed on a read-only file.
    db = tmp_path / "t.db"
    assert run_cli("officials", "list", "--db", f"sqlite:///{db}").returncode == 2  # missing: refused
    assert run_cli("db", "upgrade", "--db", f"sqlite:///{db}").returncode == 0
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    read_only = f"sqlite:///file:{db}?mode=ro&uri=true"
    for args in READ_COMMANDS:
        result = run_cli(*args, "--db", read_only, cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr)
    assert not (tmp_path / "file:").exists()  # the URI form names the file; it is not a folder to create
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("url", "words", "code"),
    [
        ("nosuchdialect://x", ["is not a database URL"], 2),
        ("mysql://u@127.0.0.1/x", ["no driver for", "postgres extra"], 2),
        ("postgresql+psycopg://u:secret@127.0.0.1:{port}/x", ["cannot open the database", "***", "refused"], 68),
    ],
)
def test_urls_that_cannot_be_opened_are_one_line(url, words, code):
    if url.startswith("postgresql"):
        optional("psycopg", "postgres")  # without the driver the line says how to install it instead
    result = run_cli("statements", "--db", url.format(port=_closed_port()))
    one_line_error(result, *words, code=code)
    assert "secret" not in result.stderr


def test_a_file_that_is_no_database_is_one_line(tmp_path):
    (tmp_path / "notes.db").write_text("not a database\n" * 100)
    one_line_error(run_cli("statements", "--db", "notes.db", cwd=tmp_path), "is not a database the tracker can read")
    one_line_error(run_cli("crawl", "--db", "notes.db", cwd=tmp_path), "is not a database the tracker can read")

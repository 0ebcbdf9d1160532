"""`sanctuary-tracker officials list|show|merge|alias` on a small database."""

import json

from click.testing import CliRunner

from scheduler.cli import cli
from scheduler.database import open_database
from tests.test_identity import person
from tests.test_storage import article, store


def make_db(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 't.db'}"
    with open_database(url) as sessions, sessions.begin() as session:
        store(
            session,
            article("https://a.example/1", [person("D. Lurie", "We stand with our immigrant neighbors today.")]),
        )
        store(
            session,
            article("https://b.example/2", [person("Daniel Lurie", "We stand with our immigrant neighbors today.")]),
        )
    return url


def invoke(*args):
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_list_show_alias_merge(tmp_path):
    url = make_db(tmp_path)
    listed = json.loads(invoke("officials", "list", "--db", url, "--format", "json", "--search", "Lurie"))
    assert {(o["name"], o["source"], o["statements"]) for o in listed} == {
        ("Daniel Lurie", "curated", 1),
        ("D. Lurie", "discovered", 1),
    }
    shown = invoke("officials", "show", "Daniel Lurie", "--db", url)
    assert "role: Mayor, City and County of San Francisco (2025-01-08 to now)" in shown
    assert "statements: 1" in shown
    assert "added" in invoke("officials", "alias", "Daniel Lurie", "Mayor Dan Lurie", "--db", url)
    merged = invoke("officials", "merge", "D. Lurie", "Daniel Lurie", "--db", url)
    assert "0 statements moved, 1 joined" in merged
    shown = invoke("officials", "show", "D. Lurie", "--db", url)
    assert shown.startswith("1  Daniel Lurie") or "Daniel Lurie" in shown.splitlines()[0]
    assert "statements: 1" in shown


def test_ambiguous_reference_is_an_error(tmp_path):
    url = make_db(tmp_path)
    result = CliRunner().invoke(cli, ["officials", "show", "Lurie", "--db", url])
    assert result.exit_code == 2
    assert "matches 2 officials" in result.output


def test_bad_config_is_a_usage_error_for_every_read_command(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("nonsense = 1\n")
    for args in (["officials", "list"], ["runs"], ["sources"], ["statements"]):
        result = CliRunner().invoke(cli, [*args, "--config", str(bad)])
        assert result.exit_code == 2, (args, result.output)
        assert "unknown key(s) nonsense" in result.output


def test_merging_officials_with_roles_keeps_every_role_alias_and_statement(tmp_path):
    # Discovered officials carry the titles printed with them as dated roles; merging moved them by taking
    # them out of one collection, which deleted them at the next flush.
    url = f"sqlite:///{tmp_path / 't.db'}"
    from datetime import date

    with open_database(url) as sessions, sessions.begin() as session:
        for n, (speaker, title) in enumerate([("Ana Q. Ruiz", "Council member"), ("Ana Ruiz", "Councilwoman")]):
            words = f"We will keep the shelters open all winter, number {n}."
            store(
                session,
                article(
                    f"https://a.example/{n}", [person(speaker, words, 0, title, "Harborview")], date(2025, 1, n + 1)
                ),
            )
    assert "1 statements moved" in invoke("officials", "merge", "Ana Q. Ruiz", "Ana Ruiz", "--db", url)
    shown = invoke("officials", "show", "Ana Ruiz", "--db", url)
    assert "aliases: Ana Q. Ruiz" in shown
    assert "role: Council member, Harborview" in shown and "role: Councilwoman, Harborview" in shown
    assert "statements: 2" in shown

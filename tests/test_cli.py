"""The command-line interface: the quotes contract, help on every command, the demo."""

import csv
import io
import json
import subprocess
import sys

from click.testing import CliRunner

from scheduler.cli import cli
from tests.conftest import SEED, run_cli


def test_quotes_jsonl_contract(seed_gold):
    path = str(SEED / "abc7-sf-sanctuary.txt")
    result = CliRunner().invoke(cli, ["quotes", path, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.output.splitlines()]
    for r in records:
        assert {
            "source",
            "quote",
            "start",
            "end",
            "speaker",
            "speaker_start",
            "speaker_end",
            "title",
            "organization",
            "cue",
            "statement",
        } <= set(r)
        assert r["source"] == path
    attributed = [(r["start"], r["end"], r["speaker"]) for r in records if r["speaker"]]
    assert attributed == [(g["start"], g["end"], g["speaker"]) for g in seed_gold["quotes"]]


def test_quotes_on_html_indexes_extracted_text(tmp_path):
    from importlib.resources import files

    from pipelines.extract import extract_article

    html = (files("scheduler") / "demo_site" / "abc7-sanctuary.html").read_bytes()
    path = tmp_path / "page.html"
    path.write_bytes(html)
    result = CliRunner().invoke(cli, ["quotes", str(path)])
    text = extract_article(html).text
    records = [json.loads(line) for line in result.output.splitlines()]
    assert len([r for r in records if r["speaker"]]) == 11
    for r in records:
        assert text[r["start"] + 1 : r["start"] + 1 + len(r["quote"])] == r["quote"]


def test_quotes_reports_unreadable_files_and_goes_on(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text('"We stand by the ordinance," Mayor Ana Ruiz said.\n')
    result = CliRunner().invoke(cli, ["quotes", str(tmp_path / "missing.txt"), str(good)])
    assert result.exit_code == 1
    assert "missing.txt" in result.output and "Ana Ruiz" in result.output


def test_every_command_has_help():
    runner = CliRunner()
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Usage:" in result.output


def test_demo_runs_offline(tmp_path):
    result = run_cli("demo", "--output-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "David Chiu" in result.stdout
    csv_text = (tmp_path / "out" / "statements.csv").read_text(encoding="utf-8")
    assert csv_text.count("David Chiu") == 2


def test_quotes_reads_stdin_writes_csv_and_decodes_windows_1252(tmp_path):
    # Fictional mayor; the file is Windows-1252 with curly quotes, as exported by older word processors.
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Mayor Ana Ruiz said: “We will not comply.” Ruiz added, “Never.”\n".encode("cp1252"))
    result = CliRunner().invoke(cli, ["quotes", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert f"note: {path} is not UTF-8; read as Windows-1252" in result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["quote"], r["speaker"], r["start"]) for r in rows] == [
        ("We will not comply.", "Ana Ruiz", "21"),
        ("Never.", "Ana Ruiz", "55"),
    ]
    piped = CliRunner().invoke(cli, ["quotes", "-"], input="“We stand with you,” said Mayor Ana Ruiz.\n")
    assert piped.exit_code == 0, piped.output
    [line] = piped.stdout.splitlines()
    assert json.loads(line)["source"] == "-" and json.loads(line)["speaker"] == "Ana Ruiz"


def test_quotes_name_the_registry_official_a_title_and_surname_mean():
    text = (
        "“We will keep funding the shelters,” Sen. Padilla said on Monday.\n"
        "“Nobody asked us,” said Sen. Scott.\n"
        "“I disagree,” Scott said.\n"
        "“The border is open,” Gov. J.B. Pritzker said.\n"
    )
    result = CliRunner().invoke(cli, ["quotes", "-"], input=text)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    got = [(r["speaker"], r["official"], r["external_id"]) for r in rows]
    # The speaker stays as the article names them; the official is the one person whose role fits. Two
    # senators are named Scott: neither is guessed, with or without the title.
    assert got == [
        ("Padilla", "Alex Padilla", "bioguide:P000145"),
        ("Scott", None, None),
        ("Scott", None, None),
        ("J.B. Pritzker", "J. B. Pritzker", rows[3]["external_id"]),
    ]
    assert rows[3]["external_id"].startswith("ocd-person/")
    plain = CliRunner().invoke(cli, ["quotes", "-", "--no-registry"], input=text)
    assert [json.loads(line)["official"] for line in plain.stdout.splitlines()] == [None] * 4


def test_quotes_record_their_rule_and_explain_the_choice():
    text = "Mayor Ana Ruiz spoke on Monday.\n“We will not comply,” she said.\n“Never.”\n"
    result = CliRunner().invoke(cli, ["quotes", "-"], input=text)
    assert result.exit_code == 0, result.output
    rules = [json.loads(line)["rule"] for line in result.stdout.splitlines()]
    assert rules == ["speech_verb_after", "continued"]
    explained = CliRunner().invoke(cli, ["quotes", "-", "--explain"], input=text)
    assert explained.exit_code == 0, explained.output
    lines = explained.stdout.splitlines()
    assert lines[0].endswith("Ana Ruiz (Mayor)\tWe will not comply,")
    assert lines[1] == "    rule: speech_verb_after"
    # The chosen candidate comes first, with the rules that proposed it; nobody is always weighed.
    assert "Ana Ruiz as 'she'" in lines[2] and "rule" in lines[2]
    assert any("nobody  [none]" in line for line in lines)
    refused = CliRunner().invoke(cli, ["quotes", "-", "--explain", "--format", "csv"], input=text)
    assert refused.exit_code == 2 and "--format table" in refused.output


def test_every_cue_rule_is_named_explained_and_exemplified():
    from pipelines.quotes import extract_quotes
    from pipelines.quotes.cue_rules import CUE_RULES

    names = [rule.name for rule in CUE_RULES]
    assert len(set(names)) == len(names)
    for rule in CUE_RULES:
        assert rule.name.isidentifier() and len(rule.reason) > 30
        # The example is an instance of the pattern: the rules attribute it by that very rule.
        example = rule.example.split(" / ")[0]
        assert rule.name in [q.rule for q in extract_quotes(example, rules_only=True)], rule.name


def test_quotes_on_text_loads_no_crawler_database_or_html_layer(tmp_path):
    # Each command imports only what it needs: quoting a text file (registry lookup included) must not pull
    # in Scrapy, SQLAlchemy or trafilatura, which is what keeps its start-up short.
    path = tmp_path / "short.txt"
    path.write_text("“We will keep funding the shelters,” Sen. Padilla said.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from scheduler.cli import cli\n"
        f"cli(['quotes', {str(path)!r}], standalone_mode=False)\n"
        "heavy = sorted(m for m in ('scrapy', 'sqlalchemy', 'trafilatura', 'twisted') if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert json.loads(lines[0])["official"] == "Alex Padilla"
    assert lines[-1] == "HEAVY []"


def test_the_page_chain_loads_the_pdf_reader_only_for_a_pdf():
    # The crawl and each of its workers load the page chain at start; pypdf waits for the first PDF.
    probe = (
        "import sys\n"
        "import pipelines.page_chain\n"
        "print('pypdf' in sys.modules)\n"
        "from pipelines.pdf import extract_pdf\n"
        "from pipelines.extract import ExtractionError\n"
        "try:\n"
        "    extract_pdf(b'%PDF-1.4 not really')\n"
        "except ExtractionError:\n"
        "    pass\n"
        "print('pypdf' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.stdout.splitlines() == ["False", "True"], result.stderr


def test_help_lists_every_command_without_importing_one():
    import subprocess
    import sys

    import click

    from scheduler.cli import COMMANDS, SUMMARIES, cli

    ctx = click.Context(cli)
    for name in COMMANDS:  # the list --help prints is each command's own first sentence
        assert SUMMARIES[name] == cli.get_command(ctx, name).get_short_help_str(limit=1000), name
    probe = (
        "import sys; from click.testing import CliRunner; from scheduler.cli import cli; "
        "out = CliRunner().invoke(cli, ['--help']).output; "
        "print(sorted(m for m in sys.modules if m.endswith('_cmd') or m.split('.')[0] in ('scrapy', 'sqlalchemy'))); "
        "print(all(name in out for name in " + repr(sorted(COMMANDS)) + "))"
    )
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert shown.splitlines() == ["[]", "True"]

"""Quality gate: the official scorer on PolNeAR dev. Floors sit just under what the engine reaches, so a
change may not lower them unnoticed; raise them as the engine improves."""

import json
import shlex
import subprocess
import sys

from tests.conftest import shared

FLOORS = {
    "quote_f1": 0.944,
    "mention_acc": 0.948,
    "name_acc": 0.939,
    "title_acc": 0.935,
    "statement_f1": 0.930,
}


def test_polnear_dev_floors():
    scorer = shared("eval", "score_quotes.py")
    cmd = f"{shlex.quote(sys.executable)} -c 'from scheduler.cli import main; main()' quotes --format jsonl"
    result = subprocess.run(
        [sys.executable, str(scorer), "--split", "dev", "--cmd", cmd, "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        env={"POLNEAR_DIR": str(shared("data", "polnear")), "PATH": ""},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    metrics = json.loads(result.stdout.strip().splitlines()[-1])
    low = {k: metrics[k] for k, floor in FLOORS.items() if metrics[k] < floor}
    assert not low, f"below the floor: {low} (floors {FLOORS})"

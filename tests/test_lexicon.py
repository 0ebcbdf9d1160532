"""The quote engine's word lists: each defined in one place."""

import ast
import collections
from pathlib import Path

QUOTES = Path(__file__).resolve().parents[1] / "pipelines" / "quotes"


def test_no_module_of_the_quote_engine_assigns_a_name_twice():
    # A list defined twice with different members (PREPOSITIONS once was) leaves the first unread: the later
    # one silently wins for every module that imports it.
    twice = []
    for path in sorted(QUOTES.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = collections.Counter(
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign | ast.AnnAssign)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
        )
        twice += [f"{path.name}: {name}" for name, n in names.items() if n > 1]
    assert twice == []

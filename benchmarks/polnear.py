"""Where the shared PolNeAR data and the official quote scorer live, for the benchmarks that use them."""

import importlib.util
from pathlib import Path
from types import ModuleType

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
POLNEAR = SHARED / "data" / "polnear"


def scorer() -> ModuleType:
    """The official scorer (../shared/eval/score_quotes.py), imported as a module for its loading and matching."""
    spec = importlib.util.spec_from_file_location("score_quotes", SHARED / "eval" / "score_quotes.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found under {SHARED}/eval")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module

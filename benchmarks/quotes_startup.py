"""Start-up of `sanctuary-tracker quotes` on one short file: wall time of the whole command, with the shipped
registry of officials looked up (the default) and without (--no-registry).

python benchmarks/quotes_startup.py [--runs 7]
"""

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = "“We will keep funding the shelters,” Sen. Padilla said on Monday.\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="runs of each variant; the median is reported")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "short.txt"
        path.write_text(TEXT, encoding="utf-8")
        command = [sys.executable, "-c", "from scheduler.cli import main; main()", "quotes", str(path)]
        for label, extra in (("with the registry", []), ("--no-registry", ["--no-registry"])):
            times = []
            for _ in range(args.runs):
                started = time.perf_counter()
                subprocess.run([*command, *extra], check=True, capture_output=True)
                times.append(time.perf_counter() - started)
            print(
                f"quotes on one short file, {label}: median {statistics.median(times):.3f} s "
                f"(min {min(times):.3f}, max {max(times):.3f}, {args.runs} runs)"
            )


if __name__ == "__main__":
    main()

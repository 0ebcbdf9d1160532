"""Quote engine speed: articles per second on one core over the PolNeAR train texts.

python benchmarks/quote_speed.py [--repeat 3] [--texts N]

This shared machine's speed drifts by a third within the hour; to compare two versions of the engine, count
instructions instead, which do not drift: `PYTHONHASHSEED=0 valgrind --tool=callgrind python
benchmarks/quote_speed.py --texts 120 --repeat 2`, less the same with `--repeat 1`, is one pass over 120
texts with the caches warm and without start-up, imports or compiling (run the command once first, so that
changed modules are compiled before counting).
"""

import argparse
import time
from pathlib import Path

from pipelines.quotes import extract_quotes

TRAIN = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "polnear" / "train" / "text"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus; the best is reported")
    parser.add_argument("--texts", type=int, help="only the first N texts (default: all 840)")
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(TRAIN.glob("*.txt"))][: args.texts]
    chars = sum(len(t) for t in texts)
    best = float("inf")
    quotes = 0
    for _ in range(args.repeat):
        started = time.process_time()
        quotes = sum(len(extract_quotes(t)) for t in texts)
        best = min(best, time.process_time() - started)
    print(f"{len(texts)} articles ({chars / 1e6:.1f} M chars), {quotes} quotes")
    print(f"best of {args.repeat}: {best:.2f} s CPU, {len(texts) / best:.0f} articles/s on one core")


if __name__ == "__main__":
    main()

"""The quote engine on adversarial texts of 10 KB to 1 MB: time per KB must stay flat (linear cost).

python benchmarks/quote_worst_case.py [--max-kb 1000]

Each shape is a pattern that once made some step re-read everything before it: a long run of names set
off by commas, capitalised words with no sentence end, a long run of names joined by "and", and quotes
attributed one after another. Names are invented.
"""

import argparse
import random
import time

from pipelines.quotes import extract_quotes

NAMES = ["Ana Ruiz", "Tom Vale", "Lena Ortiz", "Amos Reed", "Dana Whitfield", "Harborview City Council"]


def shape(kind: str, size: int, rng: random.Random) -> str:
    """An adversarial text of about `size` characters."""
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(rng.choice(NAMES))
        total += len(parts[-1]) + 2
    if kind == "names-commas":
        return "The lawyers, " + ", ".join(parts) + ', said "we will win this case in court."'
    if kind == "capitalised":
        return " ".join(w.capitalize() for p in parts for w in p.split()) + ' said "no."'
    if kind == "names-and":
        return "Among them were " + " and ".join(parts) + ", who said “it is over.”"
    return " ".join(f"“We said {n.lower()},” said {m}." for n, m in zip(parts, reversed(parts), strict=True))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-kb", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(3)
    sizes = [kb for kb in (10, 30, 100, 300, 1000) if kb <= args.max_kb]
    print("shape".ljust(14) + "".join(f"{kb:>9} KB" for kb in sizes) + "   (ms per KB)")
    for kind in ("names-commas", "capitalised", "names-and", "quotes"):
        cells = []
        for kb in sizes:
            text = shape(kind, kb * 1000, rng)
            start = time.perf_counter()
            extract_quotes(text)
            cells.append(f"{(time.perf_counter() - start) * 1000 / kb:12.2f}")
        print(kind.ljust(14) + "".join(cells), flush=True)


if __name__ == "__main__":
    main()

"""Why quote spans miss on PolNeAR: the gold quotes not found and the quotes found that are not gold, by kind.

python benchmarks/quote_misses.py [--split dev] [--show 10]

Uses the official scorer's own loading and matching (../shared/eval/score_quotes.py). A gold quote missed is:
  overlaps a prediction   printed as part of a longer quote (an annotator who split it at a sentence end)
  found, then dropped     the engine saw the quoted span and set it aside (a title, a nickname, a slogan)
  not found               no quoted span there
A prediction that is not gold overlaps a gold quote (the same splits, seen from the other side), or has a
speaker, or has none (words set off by the writer the annotators did not mark).
"""

import argparse
import collections

from polnear import scorer

from pipelines.quotes import extract_quotes
from pipelines.quotes.segment import paragraphs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--show", type=int, default=0, help="print this many of each kind")
    args = parser.parse_args()
    s = scorer()
    missed: dict[str, list[str]] = collections.defaultdict(list)
    extra: dict[str, list[str]] = collections.defaultdict(list)
    for name, _, text, golds in s.load_split(args.split):
        preds = [q.as_dict() for q in extract_quotes(text)]
        pairs = s.match(text, preds, golds)
        found = [s._norm(text, p["start"], p["end"]) for p in preds]
        segmented = {s._norm(text, q.start, q.end) for p in paragraphs(text) for q in p.quotes}
        gold_spans = [s._norm(text, *g["span"]) for g in golds]
        for _, span in _unmatched(gold_spans, {j for _, j in pairs}):
            if any(s._overlap(span, f) for f in found):
                kind = "overlaps a prediction"
            else:
                kind = "found, then dropped" if span in segmented else "not found"
            missed[kind].append(f"{name}: {text[span[0] : span[1]][:100]!r}")
        for i, span in _unmatched(found, {i for i, _ in pairs}):
            if any(s._overlap(span, g) for g in gold_spans):
                kind = "overlaps a gold quote"
            else:
                kind = "has a speaker" if preds[i]["speaker"] else "has no speaker"
            extra[kind].append(f"{name}: {text[span[0] : span[1]][:100]!r} ({preds[i]['rule']})")
    for title, kinds in (("gold quotes missed", missed), ("predictions not gold", extra)):
        print(f"PolNeAR {args.split}: {sum(len(v) for v in kinds.values())} {title}")
        for kind, rows in sorted(kinds.items(), key=lambda item: -len(item[1])):
            print(f"  {kind:<24}{len(rows)}")
            for line in rows[: args.show]:
                print(f"      {line}")


def _unmatched(spans: list[tuple[int, int]], matched: set[int]) -> list[tuple[int, tuple[int, int]]]:
    """The spans (with their index) the scorer paired with nothing."""
    return [(i, span) for i, span in enumerate(spans) if i not in matched]


if __name__ == "__main__":
    main()

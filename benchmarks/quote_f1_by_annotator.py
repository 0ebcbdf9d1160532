"""Quote F1 on PolNeAR per annotator, and how often each annotator split a quote at its sentence ends.

python benchmarks/quote_f1_by_annotator.py [--split dev]

The official scorer (../shared/eval/score_quotes.py) reads one annotation file per article, the first by
file name; the suffix of that name ("_ef2d") says who annotated it. A printed quote of several sentences is
one gold unit when the annotator marked it in one piece, and one unit per end piece when the annotation tool
recorded it as fragments broken at sentence ends (the middle pieces carry no quote mark, so they give no
unit). The engine prints the quote whole either way, so where an annotator split often, its F1 drops for a
reason no text-only rule can see. "split" counts the fragment breaks at a sentence end inside quoted
content; "kept" counts the sentence ends inside one fragment.
"""

import argparse
import collections
import itertools
import re
from pathlib import Path
from types import ModuleType

from polnear import POLNEAR, scorer

from pipelines.quotes import extract_quotes

# A sentence end inside a fragment: stop, closing marks, a space, and a capital or an opening mark next.
SENTENCE_END = re.compile(r"[.!?]+[\u201d\"')\]]*[ \t]+(?=[A-Z\u201c\"])")


def _annotators(split: str) -> dict[str, Path]:
    """The annotation file the scorer reads for each article: the first by name."""
    chosen: dict[str, Path] = {}
    for ann in sorted((POLNEAR / split / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    return chosen


def _breaks(s: ModuleType, ann: Path, text: str) -> tuple[int, int]:
    """(split, kept): sentence ends between two fragments of one quoted content span, and inside one."""
    spans, _ = s._parse_ann(str(ann))
    split = kept = 0
    for kind, fragments in spans.values():
        if kind != "Content" or not any(c in s.QCHARS for a, b in fragments for c in text[a:b]):
            continue
        kept += sum(len(SENTENCE_END.findall(text, a, b)) for a, b in fragments)
        for (_, end), (start, _) in itertools.pairwise(fragments):
            gap = text[end:start]
            split += not gap.strip() and "\n" not in gap
    return split, kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    args = parser.parse_args()
    s = scorer()
    files = _annotators(args.split)
    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for name, _, text, golds in s.load_split(args.split):
        who = files[name].stem.rsplit("_", 1)[1]
        preds = [q.as_dict() for q in extract_quotes(text)]
        split, kept = _breaks(s, files[name], text)
        for key in (who, "all"):
            c = counts[key]
            c["articles"] += 1
            c["tp"] += len(s.match(text, preds, golds))
            c["pred"] += len(preds)
            c["gold"] += len(golds)
            c["split"] += split
            c["kept"] += kept
    # The annotator who split most, and every other annotator together, for the figure without them.
    splitter = max((w for w in counts if w != "all"), key=lambda w: _rate(counts[w]))
    others = sum((c for w, c in counts.items() if w not in ("all", splitter)), collections.Counter())
    counts[f"not {splitter}"] = others
    order = [*sorted(w for w in counts if w != "all" and not w.startswith("not ")), "all", f"not {splitter}"]
    print(f"PolNeAR {args.split}: quote F1 by the annotator of the file the scorer reads")
    header = ("annotator", "articles", "gold", "P", "R", "F1", "split", "kept", "split %")
    print("  " + "".join(f"{h:<12}" if k == 0 else f"{h:>9}" for k, h in enumerate(header)))
    for who in order:
        c = counts[who]
        p, r, f1 = s.prf(c["tp"], c["pred"], c["gold"])
        row = (c["articles"], c["gold"], f"{p:.3f}", f"{r:.3f}", f"{f1:.3f}", c["split"], c["kept"])
        print(f"  {who:<12}" + "".join(f"{v:>9}" for v in row) + f"{_rate(c):>8.0f}%")


def _rate(c: collections.Counter[str]) -> float:
    return 100 * c["split"] / max(1, c["split"] + c["kept"])


if __name__ == "__main__":
    main()

"""Titles on PolNeAR train, which has no title file: agreement with the annotated source mention.

python benchmarks/title_agreement.py [--split train] [--show 20]

Where the annotated source of a quote names the predicted person and says more than the name ("Leslie
Feldman, 34, a plaintiff in the lawsuit", "Facebook's vice president of public policy Richard Allan"), the
rest of the source is the title the article gives there; a predicted title agrees when the scorer's
title_ok accepts it. A development proxy, approximate by design: relative clauses ("who managed ...") count
as titles here, titles given elsewhere in the article are not checked. Develop titles on train with it;
dev's title accuracy comes from the official scorer.
"""

import argparse
import re

from polnear import scorer

from pipelines.quotes import extract_quotes

MAX_TITLE_WORDS = 12


def rest_of_source(source: str, speaker: str) -> str:
    """The source's words other than the speaker's name, without determiners and punctuation at the ends."""
    rest = source
    for word in speaker.split():
        rest = rest.replace(word, "")
    rest = re.sub(r"[’']s\b", "", rest).strip(" ,.;:—-")
    return re.sub(r"^(the|a|an)\s+", "", rest, flags=re.IGNORECASE).strip(" ,.;:—-")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="train", choices=["train", "dev"])
    parser.add_argument("--show", type=int, default=0, help="print this many disagreements")
    args = parser.parse_args()
    s = scorer()
    checked = agreed = 0
    shown: list[str] = []
    for _, _, text, golds in s.load_split(args.split):
        preds = [q.as_dict() for q in extract_quotes(text)]
        for i, j in s.match(text, preds, golds):
            pred, gold = preds[i], golds[j]
            speaker = pred["speaker"]
            if not gold["source_spans"] or not speaker or pred["speaker_kind"] != "person":
                continue
            source = " ".join(text[a:b] for a, b in gold["source_spans"])
            if speaker.split()[-1] not in source:
                continue
            rest = rest_of_source(source, speaker)
            if not 1 <= len(re.findall(r"\w+", rest)) <= MAX_TITLE_WORDS:
                continue
            checked += 1
            if s.title_ok(pred["title"], rest):
                agreed += 1
            elif len(shown) < args.show:
                shown.append(f"  predicted {pred['title']!r}, source says {rest!r}  ({source[:70]!r})")
    print(
        f"PolNeAR {args.split}: {checked} quotes whose source says more than the name; title agrees on "
        f"{agreed} ({agreed / checked:.3f})"
    )
    print("\n".join(shown))


if __name__ == "__main__":
    main()

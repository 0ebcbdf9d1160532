"""Why the quote engine misses the annotated speaker mention on PolNeAR: counts by kind of miss.

python benchmarks/mention_misses.py [--split dev] [--show 10]

Uses the official scorer's own matching (../shared/eval/score_quotes.py). A matched quote whose predicted
speaker mention does not overlap the annotated source is one of:
  source is the verb      the annotation marks "said" alone as the source
  right person            the predicted name is the gold speaker, found through another of their mentions
  source is someone else  the annotated source names no part of the gold speaker (dev only: needs names)
  wrong or no speaker     everything else
Then the misses by the rule that attributed the quote (`rule` of `sanctuary-tracker quotes --format jsonl`).
"""

import argparse
import collections

from polnear import SHARED, scorer

from pipelines.quotes import extract_quotes

VERBS = {"said", "says", "told", "wrote"}
PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her", "his"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--show", type=int, default=0, help="print this many misses of each kind")
    args = parser.parse_args()
    s = scorer()
    names = s.load_names(str(SHARED / "data" / "polnear" / "dev-names.jsonl")) if args.split == "dev" else {}
    kinds: dict[str, list[str]] = collections.defaultdict(list)
    by_rule: collections.Counter[str] = collections.Counter()  # quotes per rule that attributed them
    missed_by_rule: collections.Counter[str] = collections.Counter()
    units = 0
    for _, _, text, golds in s.load_split(args.split):
        preds = [q.as_dict() for q in extract_quotes(text)]
        for i, j in s.match(text, preds, golds):
            pred, gold = preds[i], golds[j]
            if not gold["source_spans"]:
                continue
            units += 1
            rule = pred["rule"].partition(":")[0]  # ("model:near_before" -> "model")
            by_rule[rule] += 1
            span = (pred["speaker_start"], pred["speaker_end"])
            if None not in span and any(s._overlap(span, src) > 0 for src in gold["source_spans"]):
                continue
            missed_by_rule[rule] += 1
            source = " ".join(text[a:b] for a, b in gold["source_spans"])
            name = names.get(gold["unit"], {})
            gold_words = set(s.norm_name(name.get("speaker_name") or ""))
            if source.lower() in VERBS:
                kind = "source is the verb"
            elif name and pred["speaker"] and s.name_ok(pred["speaker"], name):
                kind = "right person"
            elif gold_words and not gold_words & set(s.norm_name(source)) and source.lower() not in PRONOUNS:
                kind = "source is someone else"
            else:
                kind = "wrong or no speaker"
            kinds[kind].append(f"{gold['unit']}: source {source[:60]!r}, predicted {pred['speaker']!r}")
    misses = sum(len(v) for v in kinds.values())
    print(f"PolNeAR {args.split}: {units} quotes with an annotated source, {misses} mentions missed")
    for kind, found in sorted(kinds.items(), key=lambda item: -len(item[1])):
        print(f"  {kind:<24}{len(found)}")
        for line in found[: args.show]:
            print(f"      {line}")
    print("by the rule that attributed the quote (missed / quotes):")
    for rule, n in by_rule.most_common():
        print(f"  {rule:<24}{missed_by_rule[rule]} / {n}")


if __name__ == "__main__":
    main()

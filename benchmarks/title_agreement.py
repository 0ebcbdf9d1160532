"""Titles on PolNeAR train, which has no title file: agreement with the annotated source mention.

python benchmarks/title_agreement.py [--split train] [--show 20]

Where the annotated source of a quote names the predicted person and says more than the name ("Leslie
Feldman, 34, a plaintiff in the lawsuit", "Facebook's vice president of public policy Richard Allan"), the
rest of the source is the title the article gives there; a predicted title agrees when the scorer's
title_ok accepts it. A development proxy, approximate by design: relative clauses ("who managed ...") count
as titles here, titles given elsewhere in the article are not checked. Develop titles on train with it;
dev's title accuracy comes from the official scorer.

It also counts the titles of every quote that read as a clause rather than as what someone is: with a
finite or speech verb ("governor said, before clarifying that he"), or opening with a subordinating word
("especially when it comes to the delegate chase") or a participle and its object ("having completed his
photo op with ..."). Those are wrong whatever the source says.
"""

import argparse
import re

from polnear import scorer

from pipelines.quotes import extract_quotes

MAX_TITLE_WORDS = 12
# The clause check keeps word lists of its own, not the engine's lexicon, so that the count does not follow
# the rules it checks.
FINITE_VERBS = set("is was are were has have had will would can could did does said says told added".split())
SUBORDINATING = set("as especially when while because since although though if after before until".split())
OBJECT_WORDS = set("a an the his her their its to by".split())


def reads_as_clause(title: str) -> bool:
    """Whether a predicted title is a clause: a finite or speech verb in it, or a subordinating word or a
    participle with its object first ("as she pursues ...", "providing a boost to ...")."""
    words = [w.strip(",.").lower() for w in title.split()]
    if "," in title or any(w in FINITE_VERBS for w in words):
        return True
    if words[0] in SUBORDINATING and not (len(words) > 1 and words[1] in {"a", "an", "the"}):
        return True
    return words[0].endswith(("ing", "ed")) and "-" not in words[0] and words[1:2] != [] and words[1] in OBJECT_WORDS


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
    checked = agreed = titled = clauses = 0
    shown: list[str] = []
    for _, _, text, golds in s.load_split(args.split):
        preds = [q.as_dict() for q in extract_quotes(text)]
        for pred in preds:
            if pred["title"]:
                titled += 1
                clauses += reads_as_clause(pred["title"])
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
    print(f"  of the {titled} quotes given a title, {clauses} have one that reads as a clause")
    print("\n".join(shown))


if __name__ == "__main__":
    main()

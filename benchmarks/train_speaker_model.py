"""Train the speaker model on PolNeAR train, print its 5-fold cross-validated figures, write the model.

python benchmarks/train_speaker_model.py            # CV figures, then fit on all of train and write the model
python benchmarks/train_speaker_model.py --cv-only  # CV figures only

Needs scikit-learn (in the dev extras). Dev is never read here: it is the test set.
"""

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from polnear import scorer
from speaker_training import C_GRID, FOLDS, cross_validate_with_cost, fit, load_units

from pipelines.quotes.chooser import MODEL_FILE

OUT = Path(__file__).resolve().parents[1] / "pipelines" / "quotes" / "data" / MODEL_FILE


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv-only", action="store_true", help="print the CV figures and write nothing")
    parser.add_argument(
        "--unsourced-wrong",
        action="store_true",
        help="label every candidate wrong, nobody included, where the annotated source is none of them (an "
        "experiment: it implies --cv-only)",
    )
    args = parser.parse_args()
    t0 = time.perf_counter()
    units, counts = load_units(scorer(), "train", unsourced_wrong=args.unsourced_wrong)
    p, r = counts["tp"] / counts["pred"], counts["tp"] / counts["gold"]
    matched = [u for u in units if u.marked]
    print(
        f"PolNeAR train: {len(matched)} matched quotes, {sum(len(u.cands) for u in matched)} candidates, "
        f"{len(units) - len(matched)} found that the annotators did not mark ({time.perf_counter() - t0:.1f} s); "
        f"quote F1 {2 * p * r / (p + r):.3f} (rules' spans, same on every fold)"
    )
    best = (-1.0, C_GRID[0])
    for c in C_GRID:
        folds = cross_validate_with_cost(units, c)
        rules = sum(f.rules for f in folds) / FOLDS
        model = sum(f.model for f in folds) / FOLDS
        spread = " ".join(f"{f.model:.3f}" for f in folds)
        overruled = sum((f.overruled for f in folds), Counter())
        print(f"  C={c:<5} mention accuracy, {FOLDS}-fold CV: rules {rules:.3f}, model {model:.3f}  (folds {spread})")
        unsourced = (sum(f.rules_unsourced for f in folds), sum(f.model_unsourced for f in folds))
        print(f"{'':9}quotes without an annotated source given a speaker: rules {unsourced[0]}, model {unsourced[1]}")
        print(
            f"{'':9}speakers the model names instead of the rules' pick: {sum(overruled.values())}, of them "
            f"the annotated source {overruled['right']}, someone else {overruled['wrong']}, "
            f"where the annotators gave none {overruled['no source']}"
        )
        best = max(best, (model, c))
    if args.cv_only or args.unsourced_wrong:
        return
    t1 = time.perf_counter()
    model = fit(units, best[1])
    seconds = time.perf_counter() - t1
    data = {
        "about": "Speaker choice among candidates; logistic regression on PolNeAR train "
        "(benchmarks/train_speaker_model.py).",
        "C": best[1],
        "cv_mention_accuracy": round(best[0], 4),
        "rows": sum(len(u.cands) for u in matched),
        "bias": round(model.bias, 6),
        "weights": {k: round(v, 6) for k, v in sorted(model.weights.items())},
    }
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(model.weights)} weights, {OUT.stat().st_size // 1024} KB; fit in {seconds:.1f} s)")


if __name__ == "__main__":
    main()

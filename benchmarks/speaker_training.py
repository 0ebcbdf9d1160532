"""Training data and cross-validation for the speaker model (see train_speaker_model.py, which runs them).

Needs scikit-learn (in the dev extras); the package itself reads the written JSON without it. Each quote
the rules find and the official scorer matches to a gold unit gives one row per candidate speaker (see
pipelines/quotes/candidates.py), labelled by whether the candidate's mention overlaps the annotated source.
Nobody is right when no candidate is: where the annotated speaker is none of the candidates, naming nobody
costs the statement count less than naming someone else. (Labelling every candidate wrong there instead,
`train_speaker_model.py --unsourced-wrong`, raises 5-fold CV mention from 0.921 to 0.930, but the model
then guesses: of the 248 speakers it names instead of the rules' pick at C=0.1, 69 are the annotated
source, 85 someone else where the annotators gave a source and 94 where they gave none, against 18, 8 and
10 of 36 for the shipped labelling, and it gives speakers to words set off by the writer, "a “battleground”
for the two fleets". Mention accuracy counts a wrong speaker and none alike and scores sourced quotes only,
so it cannot see that cost; the CV prints it.
Ranking pairs instead, a right candidate's features minus a wrong one's of the same quote, gave 0.927 for
the same reason: it named speakers for set-off words the rules leave alone, 10 engine tests failed and dev
statement precision was 0.937; letting this model decide "nobody" first took the gain back, 0.921.)
The CV scores the model as the engine runs it: on the quotes the rules leave without a named speaker. Folds
are by article, so a model is always scored on articles it was not trained on.
"""

from collections import Counter
from dataclasses import dataclass
from types import ModuleType

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from pipelines.quotes.candidates import Candidate, candidates
from pipelines.quotes.chooser import SpeakerModel
from pipelines.quotes.engine import make_quote, rule_pass

FOLDS = 5
C_GRID = (0.03, 0.1, 0.3, 1.0)


@dataclass
class Unit:
    """A quote the rules found: its candidates, which of them are right, whether the annotators marked it
    as a quote (`marked`: the scorer matched it to a gold unit) and whether they gave it a source."""

    article: int
    cands: list[Candidate]
    labels: list[int]
    rule: int  # index of the rules' pick (the "none" candidate when the rules found nobody)
    sourced: bool
    marked: bool = True


def load_units(s: ModuleType, split: str, unsourced_wrong: bool = False) -> tuple[list[Unit], dict[str, int]]:
    """Rows of every article of the split, read and matched by the official scorer module `s`, with the
    counts the quote F1 needs. Quotes the annotators did not mark come as units too (`marked` False, nobody
    right), to count what naming a speaker costs there; `fit` leaves them out. With `unsourced_wrong`, a
    sourced quote none of whose candidates is right labels every candidate wrong (nobody included)."""
    units: list[Unit] = []
    counts = {"pred": 0, "gold": 0, "tp": 0}
    for a, (_, _, text, golds) in enumerate(s.load_split(split)):
        found = rule_pass(text)
        per_quote = [(q, cands or []) for q, cands in candidates(found)]
        preds = [make_quote(text, q.span, q.speaker, q.statement).as_dict() for q, _ in per_quote]
        pairs = dict(s.match(text, preds, golds))
        counts["pred"] += len(preds)
        counts["gold"] += len(golds)
        counts["tp"] += len(pairs)
        for i, (_, cands) in enumerate(per_quote):
            rule = next((k for k, c in enumerate(cands) if "rule" in c.origins), 0)
            nobody = [int(c.mention is None) for c in cands]
            if i not in pairs:
                units.append(Unit(a, cands, nobody, rule, sourced=False, marked=False))
                continue
            sources = golds[pairs[i]]["source_spans"]
            labels = [int(_overlaps(s, c, sources)) for c in cands]
            if not any(labels):
                labels = [0] * len(cands) if sources and unsourced_wrong else nobody
            units.append(Unit(a, cands, labels, rule, bool(sources)))
    return units, counts


def _overlaps(s: ModuleType, cand: Candidate, sources: list[tuple[int, int]]) -> bool:
    m = cand.mention
    return m is not None and any(s._overlap((m.start, m.end), x) > 0 for x in sources)


def fit(units: list[Unit], c: float) -> SpeakerModel:
    """A logistic regression over the candidates of the units."""
    vec = DictVectorizer()
    units = [u for u in units if u.marked]
    rows = [dict.fromkeys(cand.features, 1) for u in units for cand in u.cands]
    y = [label for u in units for label in u.labels]
    x = vec.fit_transform(rows)
    clf = LogisticRegression(C=c, max_iter=2000, solver="lbfgs")
    clf.fit(x, y)
    weights = {f: float(w) for f, w in zip(vec.get_feature_names_out(), clf.coef_[0], strict=True) if abs(w) > 1e-6}
    return SpeakerModel(weights, float(clf.intercept_[0]))


def _chosen(u: Unit, model: SpeakerModel | None) -> int:
    """The candidate the engine picks: the model weighs the quotes the rules leave without a named speaker."""
    keep = model is None or u.cands[u.rule].speaker.name is not None
    return u.rule if keep else u.cands.index(model.pick(u.cands))


def mention_accuracy(units: list[Unit], model: SpeakerModel | None) -> float:
    """Share of sourced units whose chosen candidate (the rules' pick without a model) is right."""
    sourced = [u for u in units if u.sourced]
    right = 0
    for u in sourced:
        k = _chosen(u, model)
        right += u.labels[k] and u.cands[k].mention is not None
    return right / len(sourced)


def named_without_source(units: list[Unit], model: SpeakerModel | None) -> int:
    """How many quotes the annotators gave no source, or did not mark as quotes at all (words the writer sets
    off), get a speaker: the cost that mention accuracy, scored on sourced quotes only, does not see."""
    return sum(u.cands[_chosen(u, model)].mention is not None for u in units if not u.sourced)


def overrulings(units: list[Unit], model: SpeakerModel) -> Counter[str]:
    """Where the model names a speaker other than the rules' pick: how often it names the annotated source
    ("right"), someone else where the annotators gave a source ("wrong"), or anyone where they gave none or
    did not mark a quote ("no source"). Mention accuracy counts a wrong speaker and none alike; a reader of
    the statements does not, so a model's changes are worth what their precision says."""
    out: Counter[str] = Counter()
    for u in units:
        k = _chosen(u, model)
        if k == u.rule or u.cands[k].mention is None:
            continue
        out["right" if u.sourced and u.labels[k] else "wrong" if u.sourced else "no source"] += 1
    return out


@dataclass
class Fold:
    """One held-out fold: mention accuracy of the rules and of the model, quotes without a source given a
    speaker by each, and the model's overrulings of the rules."""

    rules: float
    model: float
    rules_unsourced: int
    model_unsourced: int
    overruled: Counter[str]


def cross_validate(units: list[Unit], c: float) -> list[tuple[float, float]]:
    """(rules, model) mention accuracy on each held-out fold."""
    return [(f.rules, f.model) for f in cross_validate_with_cost(units, c)]


def cross_validate_with_cost(units: list[Unit], c: float) -> list[Fold]:
    """Each held-out fold's figures (see Fold) for a model fitted on the other folds."""
    out = []
    for fold in range(FOLDS):
        train = [u for u in units if u.article % FOLDS != fold]
        test = [u for u in units if u.article % FOLDS == fold]
        model = fit(train, c)
        out.append(
            Fold(
                mention_accuracy(test, None),
                mention_accuracy(test, model),
                named_without_source(test, None),
                named_without_source(test, model),
                overrulings(test, model),
            )
        )
    return out

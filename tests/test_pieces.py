"""Statement identity as outlets quote: pieces, elisions, transcription variants, phrases, order.

Every quote here is invented (a fictional Mayor Ortega of a fictional city); each test names the pattern
of news writing it stands for.
"""

import itertools
import random
from datetime import date, timedelta

import pytest

from storage.pieces import Dated, cluster, fullest, link, piece

DAY = date(2025, 6, 9)
A = "We will not hand our jail records to federal agents without a warrant signed by a judge."
B = "Our deputies are here to keep every neighborhood safe, whoever lives in it."
C = "If Washington wants to change that, it can take us to court and we will be there."
RELEASE = f"{A} {B} {C}"


def groups(texts: dict[str, str], days: dict[str, date | None] | None = None) -> set[frozenset[str]]:
    days = days or {}
    dated = [Dated(k, piece(t), days.get(k, DAY)) for k, t in texts.items()]
    return {frozenset(g) for g in cluster(dated)}  # type: ignore[arg-type]


def test_pieces_of_one_speech_are_one_statement_through_their_overlaps():
    # One outlet quotes sentences A and B, another B and C, a third only C; a release has all of it.
    texts = {"ab": f"{A} {B}", "bc": f"{B} {C}", "c": C, "release": RELEASE}
    assert groups(texts) == {frozenset(texts)}
    # Without the release the overlaps still chain A B to C.
    assert groups({"ab": f"{A} {B}", "bc": f"{B} {C}", "c": C}) == {frozenset({"ab", "bc", "c"})}


def test_pieces_sharing_no_words_join_through_an_article_that_quotes_both_in_one_run():
    # '"A," the mayor said. "C."' is one piece with the cut marked; it links A and C reported alone.
    texts = {"a": A, "c": C, "run": f"{A} … {C}"}
    assert groups(texts) == {frozenset(texts)}
    assert groups({"a": A, "c": C}) == {frozenset({"a"}), frozenset({"c"})}


@pytest.mark.parametrize(
    "elided",
    [
        "We will not hand our jail records … without a warrant signed by a judge.",
        "We will not hand our jail records ... without a warrant signed by a judge.",
        "We will not hand [the county's] jail records to federal agents without a warrant signed by a judge.",
        "We will not hand our jail records to federal agents (sic) without a warrant signed by a judge.",
    ],
)
def test_elisions_and_insertions_are_the_same_words(elided):
    assert link(piece(elided), piece(A)) == "strong"


@pytest.mark.parametrize(
    ("spoken", "written"),
    [
        ("I'm Mayor Ortega and I won't back down", "I am Mayor Ortega and I will not back down"),
        ("Sen. Ruiz and I've asked for 30,000 beds", "Senator Ruiz and I have asked for thirty thousand beds"),
        ("We have, uh, twenty-five officers on the street", "We have 25 officers on the street"),
        ("WE SAID IT THEN AND WE SAY IT NOW!", "We said it then, and we say it now."),
        ("1.5 million people live here", "1,500,000 people live here"),
    ],
)
def test_transcription_variants_are_the_same_words(spoken, written):
    assert piece(spoken).tokens == piece(written).tokens


def test_a_light_edit_is_the_same_statement():
    edited = "We won't hand our jail records over to federal agents without a warrant signed by a judge."
    assert link(piece(edited), piece(A)) == "strong"


def test_a_short_phrase_quoted_alone_joins_the_one_statement_that_contains_it():
    # "Ortega vowed to keep every neighborhood safe": four or more words lifted from a fuller quote.
    texts = {"full": B, "phrase": "keep every neighborhood safe"}
    assert link(piece(texts["phrase"]), piece(B)) == "phrase"
    assert groups(texts) == {frozenset(texts)}


def test_a_phrase_in_two_statements_joins_neither():
    other = "We keep every neighborhood safe by hiring, not by raids."
    texts = {"b": B, "other": other, "phrase": "keep every neighborhood safe"}
    assert groups(texts) == {frozenset({"b"}), frozenset({"other"}), frozenset({"phrase"})}


def test_three_words_are_not_a_statement_of_their_own_to_link():
    assert link(piece("neighborhood safe, whoever"), piece(B)) is None


@pytest.mark.parametrize(
    "changed",
    [
        "We will hand our jail records to federal agents without a warrant signed by a judge.",
        "We will not hand our jail records to federal agents without 2 warrants signed by a judge.",
    ],
)
def test_a_negation_or_a_number_changed_is_another_claim(changed):
    assert link(piece(changed), piece(A)) is None


def test_two_statements_of_one_day_stay_two():
    # The founding article's City Attorney said two different things the same day.
    first = "Our policy simply says you cannot deputize local law enforcement as ICE agents,"
    second = "With scarce resources, we have to prioritize those resources to fight crime not break up families."
    assert groups({"1": first, "2": second}) == {frozenset({"1"}), frozenset({"2"})}


def test_overlap_must_run_end_to_end():
    # Two statements ending in the same stock line are not one statement.
    tail = "and that is why this city will keep fighting for every family"
    x = f"The budget vote was a betrayal of the voters, {tail}"
    y = f"We filed the lawsuit this morning at the federal courthouse, {tail}"
    assert link(piece(x), piece(y)) is None


def test_dates_bound_links_by_the_strength_of_the_evidence():
    late = DAY + timedelta(days=20)
    # A reprint weeks later quoting the whole sentence is the same statement; a phrase is not.
    assert groups({"a": A, "reprint": A}, {"reprint": late}) == {frozenset({"a", "reprint"})}
    phrase = {"b": B, "phrase": "keep every neighborhood safe"}
    assert groups(phrase, {"phrase": late}) == {frozenset({"b"}), frozenset({"phrase"})}
    assert groups({"a": A, "reprint": A}, {"reprint": DAY + timedelta(days=90)}) == {
        frozenset({"a"}),
        frozenset({"reprint"}),
    }
    # An undated page fits any day.
    assert groups({"a": A, "undated": A}, {"undated": None}) == {frozenset({"a", "undated"})}


def test_clusters_do_not_depend_on_the_order_of_pieces():
    texts = {
        "ab": f"{A} {B}",
        "bc": f"{B} {C}",
        "c": C,
        "phrase": "keep every neighborhood safe",
        "other": "The council meets again on Tuesday to vote on the new budget for the jail.",
        "run": f"{A} … {C}",
    }
    expected = groups(texts)
    rng = random.Random(7)
    for order in itertools.islice(itertools.permutations(texts), 0, None, 97):
        shuffled = list(order)
        rng.shuffle(shuffled)
        assert groups({k: texts[k] for k in shuffled}) == expected


def test_reprints_of_a_piece_go_where_the_piece_goes():
    # A wire quote reprinted by many outlets is compared once; each reprint ends with the piece it repeats,
    # whatever else the piece joins (a statement, a phrase joining one, or nothing), and a reprint with
    # another day is compared on its own.
    texts = {
        "ab": f"{A} {B}",
        "bc": f"{B} {C}",
        "phrase": "keep every neighborhood safe",
        "other": "The council meets again on Tuesday to vote on the new budget for the jail.",
    }
    base = groups(texts)
    reprinted = dict(texts)
    for name in texts:
        for n in range(3):
            reprinted[f"{name}-copy{n}"] = texts[name]
    expected = {frozenset({*g, *(f"{k}-copy{n}" for k in g for n in range(3))}) for g in base}
    assert groups(reprinted) == expected
    late = {**texts, "other-late": texts["other"]}
    assert groups(late, {"other-late": DAY + timedelta(days=400)}) == base | {frozenset({"other-late"})}


def test_the_fullest_reconstruction_joins_overlapping_pieces():
    assert fullest([f"{A} {B}", f"{B} {C}", C]) == f"{A} {B} {C}"
    assert fullest([C, f"{B} {C}"]) == f"{B} {C}"
    assert fullest(["IN CAPITALS ALL THE WAY", "In capitals all the way"]) == "In capitals all the way"

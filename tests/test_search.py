"""The full-text query language: parsed once, written out for FTS5 and for PostgreSQL tsquery."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.search import Clause, SearchSyntaxError, Term, fts5_query, parse_query, search_text, tsquery


def test_words_are_indexed_plain_and_stemmed():
    assert search_text("Raids at car washes terrorize José's family.") == "raid at car wash terror jose s famili"


@pytest.mark.parametrize(
    ("query", "clauses"),
    [
        ("raids washes", [Clause((Term(("raid",)),)), Clause((Term(("wash",)),))]),
        ('"car washes"', [Clause((Term(("car", "wash")),))]),
        ("trust OR policy", [Clause((Term(("trust",)), Term(("polici",))))]),
        ("trust -policy", [Clause((Term(("trust",)),)), Clause((Term(("polici",)),), excluded=True)]),
        ("deput*", [Clause((Term(("deput",), prefix=True),))]),
        ('"open phrase', [Clause((Term(("open", "phrase")),))]),  # a quote left open closes at the end
        ("OR trust", [Clause((Term(("trust",)),))]),  # OR with nothing before it is nothing
    ],
)
def test_queries_parse(query, clauses):
    assert parse_query(query) == clauses


@pytest.mark.parametrize("query", ["", "-policy", '-"car washes"', "*** ---", "OR"])
def test_a_query_must_want_something(query):
    with pytest.raises(SearchSyntaxError):
        parse_query(query)


def test_both_syntaxes_say_the_same():
    clauses = parse_query('"car washes" OR raids -city deput*')
    assert fts5_query(clauses) == 'search_text : ((("car wash" OR "raid") AND ("deput"*)) NOT (("citi")))'
    assert tsquery(clauses) == "(('car' <-> 'wash') | ('raid')) & (('deput':*)) & !(('citi'))"


@given(st.text())
def test_any_typed_text_is_words_or_a_clear_error(query):
    try:
        clauses = parse_query(query)
    except SearchSyntaxError:
        return
    for term in (t for c in clauses for t in c.terms):
        assert term.words and all(w.isalnum() for w in term.words)
    assert fts5_query(clauses).count('"') % 2 == 0 and "'" not in "".join(
        w for c in clauses for t in c.terms for w in t.words
    )

"""Quotes in an office's own press release."""

from pipelines.quotes import extract_quotes
from pipelines.stages import with_issuer


def test_unattributed_quotes_in_a_release_are_the_issuers_without_the_sources_title():
    text = '"We arrested 40 people," a spokesperson for ICE said.\n\n"Our work goes on."\n'
    quotes = with_issuer(extract_quotes(text), "U.S. Immigration and Customs Enforcement")
    assert [(q.speaker, q.speaker_kind, q.title, q.organization, q.cue) for q in quotes] == [
        ("U.S. Immigration and Customs Enforcement", "organization", None, None, "release")
    ] * 2


def test_attributed_quotes_in_a_release_keep_their_speaker():
    text = '"We will not cooperate," Mayor Ann Cole said.\n'
    [q] = with_issuer(extract_quotes(text), "Office of the Mayor")
    assert (q.speaker, q.title) == ("Ann Cole", "Mayor")

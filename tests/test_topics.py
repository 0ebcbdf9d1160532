"""Topic rules."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from crawler.config import load_config
from pipelines.stages import topic_matcher
from pipelines.topics import TopicMatcher, _pattern


def matcher() -> TopicMatcher:
    return topic_matcher(load_config())


def test_on_topic_article():
    text = "ICE agents detained two people. The sanctuary city ordinance bars police from helping ICE."
    assert matcher().assess(None, text).topics == ["sanctuary-policy", "immigration-enforcement"]


def test_lowercase_ice_is_not_the_agency():
    assert matcher().assess("Winter storms", "Roads were covered in ice and more ice fell overnight.").topics == []


def test_single_mention_is_not_enough():
    assert matcher().assess(None, "A passing mention of deportation in a sports story.").topics == []


def test_coverage_words_keep_a_raid_story_that_never_names_the_agency():
    # Coverage of enforcement often says "federal agents" and "deportation", not "ICE".
    text = (
        "Federal agents raided a car wash in Harborview on Tuesday, detaining six workers.\n"
        "Relatives said the men now face deportation."
    )
    relevance = matcher().assess("Raid at a car wash", text)
    assert relevance.topics == ["immigration-enforcement"]
    assert relevance.scores["immigration-enforcement"] == 0.75  # one keyword and a context word's full cap


def test_context_words_alone_do_not_pass_the_gate():
    text = "Agents raided the warehouse and arrested four men. The raid followed a long drug investigation by agents."
    assert matcher().assess("Drug bust", text).topics == []


def test_a_relevant_paragraph_in_a_budget_story_keeps_the_story_and_tags_only_its_quote():
    text = (
        "The county adopted a $2 billion budget on Monday after a long debate over parks and roads.\n"
        "“Parks are what people notice,” said Supervisor Lena Ortiz.\n"
        "Sheriff Amos Reed said his deputies would keep refusing ICE detainer requests under the county's "
        "sanctuary ordinance. “We hold people on warrants, not on detainers,” Reed said."
    )
    m = matcher()
    assert m.assess("County passes budget", text).topics == ["sanctuary-policy", "immigration-enforcement"]
    parks = text.index("“Parks")
    warrants = text.index("“We hold")
    assert m.passage(text, parks, parks + 10) == {}
    assert set(m.passage(text, warrants, warrants + 10)) == {"sanctuary-policy", "immigration-enforcement"}


def test_a_press_conference_story_in_the_words_of_raid_coverage_is_kept():
    # A fictional senator is removed from a press conference; the story speaks of raids, agents, the
    # National Guard and deportations, never of "immigration enforcement" or "sanctuary".
    text = (
        "Senator Dana Whitfield was forced to the floor and handcuffed by federal agents after interrupting "
        "a press conference on the raids in Harborview.\n"
        "The National Guard was sent to the city last week after protests over the raids.\n"
        "“I have a right to ask how many of my constituents face deportation,” Whitfield said later."
    )
    relevance = matcher().assess("Senator handcuffed at press conference", text)
    assert relevance.topics == ["immigration-enforcement"]
    quote = text.index("“I have")
    assert matcher().passage(text, quote, quote + 20) == {"immigration-enforcement": 0.5}


WORDS = ["ICE", "DHS", "sanctuary city", "sanctuary", "deport", "Deportation", "raid", "border patrol", "ice-cold"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*WORDS, "Ice", "SANCTUARY", "ſanctuary", "raids", "x", " ", ".", "\n", "é"]), max_size=30)
)
def test_the_first_letter_lookahead_changes_no_match(parts):
    text = " ".join(parts)
    exact = [re.escape(w) for w in WORDS if w.isupper()]
    folded = [re.escape(w) for w in WORDS if not w.isupper()]
    plain = re.compile(r"\b(?:" + "|".join(exact) + r")(?!\w)|(?i:\b(?:" + "|".join(folded) + r")(?!\w))")
    assert _pattern(WORDS).findall(text) == plain.findall(text)

"""Topic rules."""

from crawler.config import load_config
from pipelines.topics import TopicMatcher


def matcher() -> TopicMatcher:
    config = load_config()
    return TopicMatcher.build([(t.name, t.keywords) for t in config.topics], config.min_topic_matches)


def test_on_topic_article():
    text = "ICE agents detained two people. The sanctuary city ordinance bars police from helping ICE."
    assert matcher().topics(None, text) == ["sanctuary-policy", "immigration-enforcement"]


def test_lowercase_ice_is_not_the_agency():
    assert matcher().topics("Winter storms", "Roads were covered in ice and more ice fell overnight.") == []


def test_single_mention_is_not_enough():
    assert matcher().topics(None, "A passing mention of deportation in a sports story.") == []

"""The topic gate on a labelled set: the 100 shared news pages (mostly off topic) and the demo site.

`python -m pytest tests/test_relevance_set.py -q -s` prints the figures the README quotes.
"""

import gzip
import json

from crawler.config import load_config
from pipelines.extract import ExtractionError, extract_article
from pipelines.stages import topic_matcher
from tests.conftest import REPO, shared

LABELS = json.loads((REPO / "tests" / "files" / "relevance_labels.json").read_text(encoding="utf-8"))
DEMO = REPO / "scheduler" / "demo_site"


def labelled_pages() -> list[tuple[str, bytes, bool]]:
    """(name, HTML, on topic) for every labelled page that holds an article."""
    folder = shared("data", "news-html")
    on_topic = LABELS["news-html"]["on_topic"]
    pages = []
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            name = json.loads(line)["file"]
            pages.append((name, gzip.decompress((folder / name).read_bytes()), name in on_topic))
    pages += [(name, (DEMO / name).read_bytes(), label) for name, label in LABELS["demo"].items()]
    return pages


def kept(html: bytes) -> bool | None:
    try:
        extracted = extract_article(html)
    except ExtractionError:
        return None
    return bool(topic_matcher(load_config()).assess(extracted.title, extracted.text).topics)


def test_the_gate_keeps_every_relevant_page_and_drops_nearly_all_others():
    results = [(name, kept(html), label) for name, html, label in labelled_pages()]
    results = [(name, k, label) for name, k, label in results if k is not None]
    relevant = [k for _, k, label in results if label]
    other = [k for _, k, label in results if not label]
    kept_share = sum(relevant) / len(relevant)
    dropped_share = sum(not k for k in other) / len(other)
    print(
        f"\non-topic kept {sum(relevant)}/{len(relevant)} = {kept_share:.3f}; "
        f"off-topic dropped {sum(not k for k in other)}/{len(other)} = {dropped_share:.3f}"
    )
    print("off-topic kept:", sorted(name for name, k, label in results if k and not label))
    assert len(relevant) == 7 and len(other) >= 90
    assert kept_share == 1.0
    assert dropped_share >= 0.97

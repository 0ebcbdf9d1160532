"""Extraction on real news pages from ../shared/data/news-html against their gold body text."""

import gzip
import json
import re
from datetime import date

import pytest
import trafilatura
import trafilatura.external
from justext import get_stoplist

from pipelines.article_record import plausible
from pipelines.extract import ExtractionError, extract_article
from tests.conftest import shared

WORD = re.compile(r"\w+")


def test_extraction_recovers_gold_bodies():
    folder = shared("data", "news-html")
    manifest = [json.loads(line) for line in (folder / "manifest.jsonl").read_text().splitlines() if line.strip()]
    assert len(manifest) == 100
    recalls, precisions = [], []
    for page in manifest:
        extracted = extract_article(gzip.decompress((folder / page["file"]).read_bytes()), page["url"])
        gold = set(WORD.findall(page["gold_body"].lower()))
        ours = set(WORD.findall(extracted.text.lower()))
        recalls.append(len(gold & ours) / len(gold))
        precisions.append(len(gold & ours) / len(ours))
    # Floors just under what trafilatura reaches here (0.984 / 0.970); a change may not lower them silently.
    assert sum(recalls) / len(recalls) >= 0.97
    assert sum(precisions) / len(precisions) >= 0.95


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"\x00\x01\x02binary" * 100,
        b"<html><body><p>short</p></body></html>",
        b"<html><body><div><p>unclosed",
    ],
)
def test_pages_without_articles_raise_extraction_error(body):
    with pytest.raises(ExtractionError):
        extract_article(body, "https://news.example/x")


def test_metadata_from_demo_page():
    from importlib.resources import files

    html = (files("scheduler") / "demo_site" / "abc7-sanctuary.html").read_bytes()
    extracted = extract_article(html, "https://abc7news.example/post")
    assert extracted.published is not None and extracted.published.isoformat() == "2025-01-28"
    assert extracted.sitename == "ABC7 News"
    assert extracted.language == "en"
    assert "sanctuary city" in extracted.text


BODY = "<p>" + "The council met on the budget and heard from residents about roads and parks. " * 6 + "</p>"


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("<footer>© 2015 The Harborview Ledger</footer>", None),  # a copyright year is no publication day
        ("<p>Posted in 2020</p>", None),
        ("<p>Published March 3, 2024</p>", date(2024, 3, 3)),
        ("<p>Published January 1, 2024</p>", date(2024, 1, 1)),  # a day the page prints is a day
    ],
)
def test_a_year_alone_never_becomes_a_day(extra, expected):
    html = f"<html><head><title>Budget</title></head><body><article>{BODY}{extra}</article></body></html>"
    assert extract_article(html.encode()).published == expected


def test_an_implausible_date_is_no_date():
    fetched = date(2025, 6, 9)
    assert plausible(date(2025, 6, 9), fetched) == date(2025, 6, 9)
    assert plausible(date(2025, 6, 20), fetched) is None  # after the page was fetched
    assert plausible(date(1970, 1, 1), fetched) is None  # an epoch default


def test_a_pdf_past_pypdfs_limits_is_a_recorded_failure_of_its_own_kind(monkeypatch):
    # pypdf raises LimitReachedError on PDFs built to exhaust it (a stream that decompresses to gigabytes);
    # it escaped the pipeline and was counted under no error kind.
    import pypdf
    from pypdf.errors import LimitReachedError

    from pipelines.pdf import extract_pdf

    def bomb(_stream):
        raise LimitReachedError("decompressed stream exceeds the limit")

    monkeypatch.setattr(pypdf, "PdfReader", bomb)
    with pytest.raises(ExtractionError) as caught:
        extract_pdf(b"%PDF-1.7 ...")
    assert caught.value.kind == "pdf_limit"


def test_trafilatura_s_justext_fallback_uses_the_tracker_s_stop_lists(monkeypatch):
    folder = shared("data", "news-html")
    manifest = [json.loads(line) for line in (folder / "manifest.jsonl").read_text().splitlines() if line.strip()]
    loaded_every_language, justext_runs = [], []
    every_language, justext = trafilatura.external.jt_stoplist_init, trafilatura.external.try_justext
    monkeypatch.setattr(
        trafilatura.external, "jt_stoplist_init", lambda: loaded_every_language.append(1) or every_language()
    )
    monkeypatch.setattr(trafilatura.external, "try_justext", lambda *a: justext_runs.append(1) or justext(*a))
    for page in manifest:  # the full pass, as for a page the first finds too little in
        trafilatura.bare_extraction(gzip.decompress((folder / page["file"]).read_bytes()).decode(errors="replace"))
    assert justext_runs and not loaded_every_language
    assert set(trafilatura.external.JT_STOPLIST) == get_stoplist("English") | get_stoplist("Spanish")


def test_a_page_trafilatura_finds_too_little_in_goes_through_its_fallbacks(monkeypatch):
    from importlib.resources import files

    html = (files("scheduler") / "demo_site" / "abc7-sanctuary.html").read_bytes()
    real = trafilatura.bare_extraction
    calls = []

    def fast_finds_little(page, **options):
        calls.append(options["fast"])
        doc = real(page, **options)
        if options["fast"]:
            doc.text = doc.text[:100]
        return doc

    monkeypatch.setattr(trafilatura, "bare_extraction", fast_finds_little)
    extracted = extract_article(html, "https://abc7news.example/post")
    assert calls == [True, False] and len(extracted.text) > 1000

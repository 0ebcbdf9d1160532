"""A cross-outlet test set built from PolNeAR: the same quotes reported by different publishers.

PolNeAR's train and dev articles (US election coverage by seven publishers, 2015-16) hold about forty
quotes that several publishers printed. Gold quote units (the scorer's) that share a run of eight words
across publishers form a group; the articles of all groups are served as HTML pages from 127.0.0.1, one
source per publisher, crawled with the real crawler, and each group is checked: did its quotes end as one
statement? The articles are read from ../shared at run time and never copied into the repository.
"""

import csv
import html
import importlib.util
import json
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from storage.pieces import piece

RUN_WORDS = 8
WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Unit:
    """One gold quote: its article, publisher, date and words."""

    article: str
    publisher: str
    published: str
    text: str


@dataclass(slots=True)
class CrossOutletSet:
    """Groups of gold quotes printed by two or more publishers, and the articles they come from."""

    groups: list[list[Unit]]
    articles: dict[str, tuple[str, str, str, str]] = field(default_factory=dict)  # name -> publisher, date, title, text


def scorer(shared: Path) -> ModuleType:
    """The official scorer, imported for its gold loading."""
    spec = importlib.util.spec_from_file_location("score_quotes", shared / "eval" / "score_quotes.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _runs(text: str) -> set[tuple[str, ...]]:
    words = [w.lower() for w in WORD.findall(text)]
    return {tuple(words[i : i + RUN_WORDS]) for i in range(len(words) - RUN_WORDS + 1)}


def build(shared: Path) -> CrossOutletSet:
    """The groups of quotes shared across publishers, from PolNeAR train and dev."""
    polnear = shared / "data" / "polnear"
    with (polnear / "metadata.tsv").open(encoding="utf-8") as fh:
        meta = {row["filename"]: row for row in csv.DictReader(fh, delimiter="\t")}
    load = scorer(shared).load_split
    units: list[Unit] = []
    texts: dict[str, str] = {}
    for split in ("train", "dev"):
        for name, _, text, gold in load(split):
            texts[name] = text
            row = meta[name]
            units += [Unit(name, row["publisher"], row["publication_date"], text[slice(*u["span"])]) for u in gold]
    parent = list(range(len(units)))
    by_run: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        for run in _runs(unit.text):
            by_run[run].append(i)
    for members in by_run.values():
        if len({units[i].publisher for i in members}) > 1:
            for i in members[1:]:
                _union(parent, members[0], i)
    components: dict[int, list[Unit]] = defaultdict(list)
    for i, unit in enumerate(units):
        components[_root(parent, i)].append(unit)
    groups = [g for g in components.values() if len({u.publisher for u in g}) > 1]
    groups.sort(key=lambda g: (g[0].article, g[0].text))
    result = CrossOutletSet(groups)
    for group in groups:
        for unit in group:
            row = meta[unit.article]
            result.articles[unit.article] = (
                row["publisher"],
                row["publication_date"],
                row["title"],
                texts[unit.article],
            )
    return result


def page(title: str, published: str, text: str) -> bytes:
    """An article page as a news site would serve it: metadata in the head, paragraphs in the body."""
    paragraphs = "".join(f"<p>{html.escape(p.strip())}</p>\n" for p in text.split("\n") if p.strip())
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>"
        f"<meta property='article:published_time' content='{published}T12:00:00Z'>"
        f"</head><body><article><h1>{html.escape(title)}</h1>\n{paragraphs}</article></body></html>"
    ).encode()


def routes(data: CrossOutletSet) -> dict[str, tuple[int, str, bytes]]:
    """The pages to serve: /PUBLISHER/ARTICLE.html."""
    return {
        f"/{publisher}/{name}.html": (200, "text/html; charset=utf-8", page(title, published, text))
        for name, (publisher, published, title, text) in data.articles.items()
    }


def config(data: CrossOutletSet, base: str, db: Path) -> str:
    """A crawl config: one source per publisher listing its articles; the topic is the campaign."""
    sources: dict[str, list[str]] = defaultdict(list)
    for name, (publisher, *_) in sorted(data.articles.items()):
        sources[publisher].append(f"{base}/{publisher}/{name}.html")
    blocks = [
        f'[[sources]]\nname = "{publisher}"\nkind = "urls"\nurls = {json.dumps(urls)}\noutlet = "{publisher}"\n'
        for publisher, urls in sorted(sources.items())
    ]
    return (
        f'allow_private = true\n\n[database]\nurl = "sqlite:///{db}"\n\n[crawler]\nmin_topic_matches = 1\n\n'
        '[[topics]]\nname = "campaign-2016"\nkeywords = ["Trump", "Clinton", "Sanders", "Cruz", "Rubio"]\n\n'
        + "\n".join(blocks)
    )


@dataclass(slots=True)
class Figures:
    """How the groups ended: one statement, split by identity, apart by attribution, or not stored."""

    groups: int = 0
    one_statement: int = 0
    split: list[list[str]] = field(default_factory=list)
    other_speaker: list[list[str]] = field(default_factory=list)
    missing: list[list[str]] = field(default_factory=list)
    wrong_merges: list[list[str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Groups that ended as one statement, of all groups."""
        return self.one_statement / self.groups if self.groups else 0.0

    @property
    def share_attributed(self) -> float:
        """The same, of the groups whose quotes were all stored under one speaker (identity's own share)."""
        judged = self.one_statement + len(self.split)
        return self.one_statement / judged if judged else 0.0


def evaluate(data: CrossOutletSet, db: Path, base: str) -> Figures:
    """Which statement each gold quote ended in, group by group."""
    with sqlite3.connect(db) as conn:
        stored = conn.execute(
            "select ar.url, ap.text, ap.statement_id, s.official_id, ap.piece from appearances ap "
            "join articles ar on ar.id = ap.article_id join statements s on s.id = ap.statement_id"
        ).fetchall()
    by_article: dict[str, list[Stored]] = defaultdict(list)
    for url, text, statement_id, official_id, index in stored:
        name = url.rsplit("/", 1)[-1].removesuffix(".html")
        by_article[name].append(Stored(piece(text).tokens, statement_id, official_id, (name, index)))
    figures = Figures(groups=len(data.groups))
    owners: dict[int, set[int]] = defaultdict(set)  # statement -> groups
    quoted_with: dict[tuple[str, int], set[int]] = defaultdict(set)  # an article's quote run -> groups
    for n, group in enumerate(data.groups):
        hits = [_stored(unit, by_article[unit.article]) for unit in group]
        found = [(hit.statement, hit.official) if hit else None for hit in hits]
        texts = [f"{u.publisher} {u.published}: {u.text[:90]}" for u in group]
        for hit in hits:
            if hit:
                owners[hit.statement].add(n)
                quoted_with[hit.run].add(n)
        if any(hit is None for hit in found):
            figures.missing.append(texts)
        elif len({official for _, official in found if official}) > 1:
            figures.other_speaker.append(texts)
        elif len({statement for statement, _ in found if statement}) > 1:
            figures.split.append(texts)
        else:
            figures.one_statement += 1
    # Groups one article quotes in one run of one speaker are one statement by design (pieces of one
    # speech); a statement joining groups that no such run connects is a wrong merge.
    joined = list(range(len(data.groups)))
    for groups in quoted_with.values():
        first, *rest = sorted(groups)
        for g in rest:
            _union(joined, first, g)
    for statement, groups in owners.items():
        if len({_root(joined, g) for g in groups}) > 1:
            figures.wrong_merges.append([f"statement {statement}"] + [data.groups[g][0].text[:90] for g in groups])
    return figures


@dataclass(frozen=True, slots=True)
class Stored:
    """A stored quote: its words, statement, official, and the article's quote run it belongs to."""

    tokens: tuple[str, ...]
    statement: int
    official: int
    run: tuple[str, int]


def _stored(unit: Unit, appearances: list[Stored]) -> Stored | None:
    """The stored quote holding the unit's words (None if it was not stored)."""
    words = piece(unit.text).tokens
    for stored in appearances:
        if _contains(stored.tokens, words) or (_contains(words, stored.tokens) and len(stored.tokens) >= RUN_WORDS):
            return stored
    return None


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        i = parent[i]
    return i


def _union(parent: list[int], a: int, b: int) -> None:
    parent[_root(parent, b)] = _root(parent, a)


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))

"""Paragraphs and double-quoted spans, with character offsets into the article text."""

import re
from dataclasses import dataclass

from pipelines.quotes.lexicon import CHROME_PREFIXES, CLOSERS, NICKNAME_OPENERS, OPENERS
from pipelines.quotes.tokens import is_nickname

LINE_RE = re.compile(r"[^\n]+")
# The only characters the quote scanner acts on: quote marks and the brackets of markup.
MARKS_RE = re.compile('["\u201c\u201d\u201e\u00ab\u00bb<>]')
QUOTE_TRIM = '"\u201c\u201d\u201e\u00ab\u00bb \t.,;:?!'
# An outlet's footer: "Follow Pam Key on Twitter @pamkeyNEN."
FOLLOW_RE = re.compile(r"[\"\u201c]?Follow [^.\n]{1,60} on (?:Twitter|Facebook|Instagram)\b")
# A transcript turn: a speaker label in capitals and a colon opening the paragraph ("PENCE: Well, ..."),
# or a stage note ("(CROSSTALK.)"), either one perhaps inside the quote marks of a quoted transcript.
TURN_RE = re.compile(r"([\"\u201c]?)(?:([A-Z][A-Z.'\u2019\- ]*[A-Z.]):\s|\([A-Z][A-Z .]*\))")


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted span in one paragraph; `open_end` when it runs to the paragraph end unclosed."""

    start: int
    end: int
    open_end: bool


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph with its quoted spans."""

    start: int
    end: int
    quotes: tuple[Span, ...]
    chrome: bool
    turn: tuple[int, int] | None = None


def paragraphs(text: str) -> list[Paragraph]:
    """Split text into paragraphs (one per non-blank line) and find the quotes in each.

    In a transcript the speaker label of each turn (`turn`, its span) says who speaks, also in the
    paragraphs that continue a quoted turn.
    """
    out = []
    turn: tuple[int, int] | None = None
    quoted_transcript = False
    for m in LINE_RE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        chrome = text.startswith(CHROME_PREFIXES, start) or FOLLOW_RE.match(text, start, end) is not None
        label = None if chrome else TURN_RE.match(text, start, end)
        if label is not None and not label.group(2) and turn is None:
            label = None  # "(AP) --": a stage note only inside a transcript
        if label is not None:
            quoted_transcript = bool(label.group(1))
            turn = label.span(2) if label.group(2) else turn
        elif not (quoted_transcript and text[start] in OPENERS):
            turn, quoted_transcript = None, False
        stage_note = label is not None and not label.group(2)
        quotes = () if chrome or stage_note else tuple(_quotes(text, start, end))
        out.append(Paragraph(start, end, quotes, chrome, turn))
    return out


def _is_opener(text: str, i: int, start: int) -> bool:
    ch = text[i]
    if ch == '"':
        # A straight mark after a letter or digit closes or measures (12"), it does not open.
        return i == start or not text[i - 1].isalnum()
    return ch in OPENERS


def _quotes(text: str, start: int, end: int) -> list[Span]:
    spans = []
    opener = -1
    nested = 0
    in_tag = False
    nickname_end = -1
    for mark in MARKS_RE.finditer(text, start, end):
        i = mark.start()
        ch = text[i]
        if i < nickname_end:
            continue
        if ch == "<" and i + 1 < end and (text[i + 1].isalpha() or text[i + 1] == "/") and ">" in text[i:end]:
            in_tag = True  # '<tweet pic="...">': markup, whose attribute quotes are no quotes
        elif ch == ">" and in_tag:
            in_tag = False
        if in_tag:
            continue
        if opener < 0 and ch in NICKNAME_OPENERS and is_nickname(text, i):
            nickname_end = text.index(" ", i)  # Robert C. "Bobby" Scott: part of a name, not a quote
            continue
        if opener < 0:
            # A paragraph opening with a closing mark ("”Mr. Trump ...") is a typo for an opening one.
            if (ch in OPENERS and _is_opener(text, i, start) and text[i - 1 : i] != "=") or (
                ch == "\u201d" and i == start
            ):
                opener = i
        elif text[opener] == '"':
            # A straight-quoted passage closes with a straight mark (or a lone curly one); curly pairs
            # inside it are nested quotes.
            if ch == "\u201c":
                nested += 1
            elif ch == "\u201d" and nested:
                nested -= 1
            elif ch in CLOSERS:
                spans.append(Span(opener, i + 1, False))
                opener, nested = -1, 0
        elif ch == "\u201c" and not _closes(text, i, end):
            nested += 1  # “... what he calls “hell” than ...”: a quote inside the quote
        elif ch == "\u201d" and nested:
            nested -= 1
        elif ch in CLOSERS or ch == "\u201c":
            spans.append(Span(opener, i + 1, False))
            opener, nested = -1, 0
    if opener >= 0:
        spans.append(Span(opener, end, True))
    return [s for s in spans if text[s.start : s.end].strip(QUOTE_TRIM)]


def _closes(text: str, i: int, end: int) -> bool:
    """An opening mark used as a closing one: after a word or punctuation, before a space or the end."""
    return not text[i - 1].isspace() and (i + 1 == end or text[i + 1].isspace())

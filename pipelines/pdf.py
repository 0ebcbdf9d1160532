"""Text and metadata of PDF press releases (pypdf), in the shape HTML extraction gives."""

import io
import re
from datetime import date

from pipelines.extract import MIN_TEXT_CHARS, Extracted, ExtractionError

PDF_DATE_RE = re.compile(r"^D:(\d{4})(\d{2})(\d{2})")
BLANK_LINES_RE = re.compile(r"\n\s*\n+")
MAX_PAGES = 50
SENTENCE_ENDS = (".", '."', ".\u201d", "?", "!", ":")
# A wrapped line fills the page width; a shorter line ending a sentence ends its paragraph.
SHORT_LINE = 60


def extract_pdf(body: bytes) -> Extracted:
    """The text of a PDF document, one paragraph per line, with its title and date when it has them."""
    # Imported when a PDF arrives: most crawls meet none, and every process that loads the page chain (the
    # crawl and each of its workers) paid for the import at start-up.
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(body))
        # Layout mode keeps the vertical gaps between paragraphs as blank lines.
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages[:MAX_PAGES]]
        meta = reader.metadata
    except LimitReachedError as exc:
        # A PDF built to exhaust the reader (a decompression bomb, endless objects): recorded, not read.
        raise ExtractionError(f"PDF past pypdf's limits: {exc}", kind="pdf_limit") from exc
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        raise ExtractionError(f"unreadable PDF: {exc}") from exc
    text = _paragraphs("\n".join(pages))
    if len(text) < MIN_TEXT_CHARS:
        raise ExtractionError("no text in PDF (a scanned image?)")
    title = (meta.title if meta else None) or text.split("\n", 1)[0][:200]
    return Extracted(
        text=text,
        title=title,
        author=meta.author if meta else None,
        published=_pdf_date(meta.get("/CreationDate") if meta else None),
        sitename=None,
        language=None,
        canonical_url=None,
    )


def _paragraphs(raw: str) -> str:
    """Join the hard-wrapped lines of a PDF into paragraphs: blank lines separate them; without any, a
    short line that ends a sentence ends its paragraph."""
    lines = [" ".join(line.split()) for line in raw.replace("\r", "").split("\n")]
    if "" in lines:
        blocks = BLANK_LINES_RE.split("\n".join(lines))
        return "\n".join(" ".join(b.split("\n")).strip() for b in blocks if b.strip())
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line)
        if line.endswith(SENTENCE_ENDS) and len(line) < SHORT_LINE:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(p for p in paragraphs if p)


def _pdf_date(value: object) -> date | None:
    m = PDF_DATE_RE.match(str(value or ""))
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None

"""Stage 1 — read, PDF part: PDF bytes → lines with page numbers and token x positions.

PDFium (pypdfium2) extracts each page's text in content-stream order, which keeps a table row on one
line and a sentence's figures next to their words (see bench/pdf_libraries.md for the measurements
that chose it). Pages are joined exactly as the text copies in ``reports/`` were made (``\\n\\f``
between pages), so a PDF and its text copy give the same lines, line numbers and page numbers; the
PDF adds the x extent of every whitespace-separated token (``Line.boxes``) for placing table cells.
"""

from __future__ import annotations

from typing import Any

from .model import JuesuanError, Line
from .read import text_lines

_MIN_CHARS_PER_PAGE = 5  # fewer extracted characters on every page: a scan without a text layer


def pdf_lines(data: bytes, name: str) -> tuple[Line, ...]:
    try:
        import pypdfium2 as pdfium
    except ImportError as e:  # pragma: no cover - a dependency of the package
        raise JuesuanError(f"{name}：读取 PDF 需要 pypdfium2（pip install pypdfium2）") from e
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        msg = str(e)
        if "password" in msg.lower():
            raise JuesuanError(f"{name}：PDF 文件有密码保护，无法读取") from e
        detail = "（数据格式错误）" if "format" in msg.lower() else ""  # PDFium's English is no use to the reader
        raise JuesuanError(f"{name}：PDF 文件已损坏或格式不受支持{detail}") from e
    try:
        pages: list[tuple[str, list[tuple[float, float] | None]]] = []
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            pages.append(_page_text(textpage))
            textpage.close()
            page.close()
    finally:
        doc.close()
    if not pages:
        raise JuesuanError(f"{name}：PDF 文件没有页面")
    if all(len(text.strip()) < _MIN_CHARS_PER_PAGE for text, _ in pages):
        raise JuesuanError(
            f"{name}：这个 PDF 没有文字层（可能是扫描件或图片），无法读取其中的文字；"
            "本工具不做文字识别（OCR），请使用带文字的 PDF 或报告的文本版本"
        )
    text = "\n\f".join(t for t, _ in pages) + "\n"
    boxes: list[tuple[float, float] | None] = []
    for i, (_, page_boxes) in enumerate(pages):
        boxes.extend([None, None] if i else [])  # the joining "\n\f"
        boxes.extend(page_boxes)
    boxes.append(None)
    lines = text_lines(text)
    return tuple(_with_boxes(lines, text, boxes))


def _page_text(textpage: Any) -> tuple[str, list[tuple[float, float] | None]]:
    """The page text with CRLF folded to LF, and each character's (x0, x1) (None when unknown)."""
    n = textpage.count_chars()
    raw = textpage.get_text_range(0, n) if n else ""
    chars: list[str] = []
    boxes: list[tuple[float, float] | None] = []
    exact = len(raw) == n  # one text character per PDFium character index (true unless ligatures)
    for i, ch in enumerate(raw):
        if ch == "\r":
            continue
        chars.append(ch)
        if exact and not ch.isspace():
            left, _bottom, right, _top = textpage.get_charbox(i)
            boxes.append((left, right) if right > left else None)
        else:
            boxes.append(None)
    return "".join(chars), boxes


def _with_boxes(lines: tuple[Line, ...], text: str, boxes: list[tuple[float, float] | None]) -> list[Line]:
    """Attach each line's token extents; ``text_lines`` split ``text`` on "\\n" and dropped form feeds."""
    out: list[Line] = []
    pos = 0
    for line, raw in zip(lines, text.split("\n"), strict=False):
        start = pos
        pos += len(raw) + 1
        keep = [(ch, boxes[start + k] if start + k < len(boxes) else None) for k, ch in enumerate(raw) if ch != "\f"]
        if "".join(ch for ch, _ in keep) != line.text:
            out.append(line)  # a page marker or other rewrite: no positions
            continue
        spans: list[tuple[float, float]] = []
        cur: list[tuple[float, float] | None] = []
        for ch, box in [*keep, (" ", None)]:
            if ch.isspace():
                if cur:
                    known = [b for b in cur if b]
                    spans.append((min(b[0] for b in known), max(b[1] for b in known)) if known else (-1.0, -1.0))
                    cur = []
            else:
                cur.append(box)
        out.append(Line(line.text, line.no, line.page, tuple(spans)))
    return out

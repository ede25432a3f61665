"""Stage 1 — read: a file on disk → ``Document`` (lines with page numbers; table rows as cells).

The format is detected from the bytes, never from the extension: a PDF renamed ``.txt`` is still a PDF,
an image renamed ``.txt`` is refused. Text encodings are detected (BOM, UTF-16 without BOM by its zero
bytes, strict UTF-8, strict GB18030) and a decoding that yields control characters is refused.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

from .model import Document, JuesuanError, Line, os_error_text

MAX_BYTES = 64 * 1024 * 1024  # documented limit: larger files are refused before reading
MAX_CHARS = 2_000_000  # documented limit on a report's text (real ones have < 100,000); parsing is ~1 s per 400,000

_MAGIC = (
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"BM", None),  # too short to be sure; checked with the control-character test instead
    (b"\x7fELF", "可执行文件"),
    (b"MZ", "Windows 可执行文件"),
    (b"\x1f\x8b", "gzip 压缩文件"),
    (b"Rar!", "RAR 压缩文件"),
    (b"7z\xbc\xaf", "7z 压缩文件"),
    (b"\xd0\xcf\x11\xe0", "旧版 Office 文件（.doc/.xls），请另存为 .docx 或 .txt"),
    (b"SQLite format 3", "SQLite 数据库"),
)
_PAGE_MARKER = re.compile(r"^=+\s*\[page\s*(\d+)\]\s*=+$", re.IGNORECASE)


def read_document(path: str | Path) -> Document:
    p = Path(path)
    if not p.exists():
        raise JuesuanError(f"{p}：文件不存在")
    if p.is_dir():
        raise JuesuanError(f"{p}：这是一个文件夹，不是报告文件")
    if not p.is_file():  # a FIFO or a device (/dev/zero) would block or never end
        raise JuesuanError(f"{p}：不是普通文件")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise JuesuanError(f"{p}：文件过大（{size / 1024 / 1024:.0f} MB，上限 {MAX_BYTES // 1024 // 1024} MB）")
        data = p.read_bytes()
    except PermissionError as e:
        raise JuesuanError(f"{p}：没有读取权限") from e
    except OSError as e:
        raise JuesuanError(f"{p}：无法读取（{os_error_text(e)}）") from e
    return read_bytes(data, p.name, str(p))


def read_bytes(data: bytes, name: str, path: str = "") -> Document:
    path = path or name
    sha = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise JuesuanError(f"{name}：文件为空")
    if data.startswith(b"%PDF"):
        from .pdf import pdf_lines  # imported lazily: the ask path never needs a PDF library

        return _within_limit(Document(path, name, pdf_lines(data, name), "pdf", sha))
    if data.startswith(b"PK\x03\x04"):
        return _within_limit(Document(path, name, _docx_lines(data, name), "docx", sha))
    for magic, what in _MAGIC:
        if what and data.startswith(magic):
            raise JuesuanError(f"{name}：这是{what}，不是报告文本（支持 .txt、.docx、.pdf）")
    if len(data) > 4 * MAX_CHARS:  # more characters than the limit in any encoding: refused before decoding
        raise _too_long(name, f"{len(data) / 1024 / 1024:.0f} MB")
    text, encoding = decode(data, name)
    return _within_limit(Document(path, name, text_lines(text), encoding, sha))


def _too_long(name: str, size: str) -> JuesuanError:
    return JuesuanError(f"{name}：文本过长（{size}，上限 {MAX_CHARS:,} 字符；一份部门决算报告通常不到 10 万字符）")


def _within_limit(doc: Document) -> Document:
    chars = sum(len(ln.text) for ln in doc.lines)
    if chars > MAX_CHARS:
        raise _too_long(doc.name, f"{chars:,} 字符")
    return doc


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Detect the encoding of a text file and decode it strictly."""
    candidates: list[str] = []
    if data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        head = data[:8192]
        even, odd = head[0::2].count(0), head[1::2].count(0)
        # UTF-16 without a BOM: ASCII characters (digits, line breaks) leave zero bytes on one side
        if len(head) >= 4 and odd >= max(2, len(head) // 64) and odd > 4 * even:
            candidates = ["utf-16-le", "utf-8", "gb18030"]
        elif len(head) >= 4 and even >= max(2, len(head) // 64) and even > 4 * odd:
            candidates = ["utf-16-be", "utf-8", "gb18030"]
        else:
            candidates = ["utf-8", "gb18030"]
    for enc in candidates:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text, enc.replace("-sig", "").replace("-le", "").replace("-be", "")
    raise JuesuanError(f"{name}：无法识别的文本编码或二进制文件（已尝试 UTF-8、GB18030、UTF-16）")


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:20000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return bad > max(2, len(sample) // 200)


def text_lines(text: str) -> tuple[Line, ...]:
    """Split text into lines; form feeds and ``===== [page N] =====`` markers set the page number.

    Lines whose cells are separated by tabs (the sample's table form) keep their text; the parser
    turns them into table rows.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    paged = "\f" in text
    page = 1 if paged else 0
    out: list[Line] = []
    for no, raw in enumerate(text.split("\n"), start=1):
        if "\f" in raw:
            before, _, after = raw.rpartition("\f")
            page += raw.count("\f")
            raw = (before.replace("\f", "") + after) if before.strip() and not after.strip() else after
        m = _PAGE_MARKER.match(raw.strip())
        if m:
            page = int(m.group(1))
            out.append(Line("", no, page))
            continue
        out.append(Line(raw, no, page))
    return tuple(out)


def _docx_lines(data: bytes, name: str) -> tuple[Line, ...]:
    """Paragraphs and tables in document order; each table row becomes lines in the text form.

    The text form (as in the sample) writes a table row as one line per cell, each starting with a
    tab, rows separated by a blank line; a vertically merged cell continues as an empty cell and a
    horizontally merged one is written once.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" not in z.namelist():
                raise JuesuanError(f"{name}：这是一个 zip 压缩包，不是 .docx 文档")
    except zipfile.BadZipFile as e:
        raise JuesuanError(f"{name}：.docx 文件已损坏（{e}）") from e
    import docx  # lazily: python-docx costs start-up time the ask path does not need
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # python-docx raises many kinds on a broken package
        raise JuesuanError(f"{name}：无法打开 .docx 文档（{type(e).__name__}）") from e
    texts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            texts.extend(block.text.split("\n"))
        elif isinstance(block, Table):
            above: list[object] = []
            for row in block.rows:
                seen: list[object] = []
                cells: list[str] = []
                for i, cell in enumerate(row.cells):
                    tc = cell._tc
                    if seen and seen[-1] is tc:
                        continue  # horizontal merge: written once
                    seen.append(tc)
                    if i < len(above) and above[i] is tc:
                        cells.append("")  # vertical merge continues as an empty cell
                    else:
                        cells.append(cell.text.replace("\n", " "))
                above = [c._tc for c in row.cells]
                while cells and not cells[-1].strip():
                    cells.pop()
                texts.extend("\t" + c for c in cells)
                texts.append("")
    return text_lines("\n".join(texts))

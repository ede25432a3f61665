"""Compare PDF text extractors on the published reports in ../shared/reports/pdf (see pdf_libraries.md).

    python bench/pdf_libraries.py

For each library: extraction time, whether every figure of the PDF comes out intact, how many figures
keep their words on the same line, and what the loader makes of the text (table rows placed, facts
equal to those from the reference text copy). Install weight is read from the installed distributions.
"""

from __future__ import annotations

import hashlib
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from assistant.lexicon import load_lexicon
from assistant.model import Document, JuesuanError
from assistant.parse import parse
from assistant.read import read_document, text_lines
from assistant.tables import TABLE_REASON

SHARED = Path(__file__).resolve().parents[2] / "shared" / "reports"
NUM = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+\.\d+")
CJK = re.compile(r"[\u4e00-\u9fff]")


def pypdfium2_pages(path: Path) -> list[str]:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    try:
        return [doc[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(doc))]
    finally:
        doc.close()


def pdfplumber_pages(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def pymupdf_pages(path: Path) -> list[str]:
    import pymupdf

    with pymupdf.open(str(path)) as doc:
        return [page.get_text() for page in doc]


LIBRARIES: dict[str, tuple[Callable[[Path], list[str]], str]] = {
    "pypdfium2": (pypdfium2_pages, "pypdfium2"),
    "pdfplumber": (pdfplumber_pages, "pdfplumber"),
    "pymupdf": (pymupdf_pages, "pymupdf"),
}


def installed_size(dist: str, seen: set[str] | None = None) -> tuple[int, set[str]]:
    """Bytes on disk of a distribution and its (installed) requirements, and their names."""
    seen = set() if seen is None else seen
    key = dist.lower().replace("_", "-")
    if key in seen:
        return 0, seen
    try:
        d = metadata.distribution(dist)
    except metadata.PackageNotFoundError:
        return 0, seen
    seen.add(key)
    total = sum(f.size or 0 for f in d.files or [])
    for req in d.requires or []:
        if "extra ==" in req:
            continue
        name = re.split(r"[ ;<>=!~\[(]", req, maxsplit=1)[0]
        size, _ = installed_size(name, seen)
        total += size
    return total, seen


def main() -> None:
    lexicon = load_lexicon()
    pdfs = sorted((SHARED / "pdf").glob("*.pdf"))
    print("| 库 | 文件 | 时间 ms | 数字总数 | 与 PDFium 相同 | 与文字同行 | 表格行未放置 | 与文本版相同的事实 | 数字不同的事实 |")
    print("|---|---|---:|---:|---|---:|---:|---:|---:|")
    reference_numbers: dict[str, Counter[str]] = {}
    for lib, (extract, _) in LIBRARIES.items():
        for pdf in pdfs:
            extract(pdf)  # warm up
            times = []
            for _ in range(3):
                t0 = time.perf_counter()
                pages = extract(pdf)
                times.append(time.perf_counter() - t0)
            numbers = Counter(n for page in pages for n in NUM.findall(page))
            reference_numbers.setdefault(pdf.name, numbers)
            same = "是" if numbers == reference_numbers[pdf.name] else "否"
            with_words = sum(len(NUM.findall(ln)) for page in pages for ln in page.split("\n") if CJK.search(ln))
            text = "\n\f".join(pages) + "\n"
            doc = Document(str(pdf), pdf.name, text_lines(text), "pdf", hashlib.sha256(text.encode()).hexdigest())
            ref_txt = next(SHARED.glob(pdf.stem + ".txt"))
            try:
                report = parse(doc, lexicon)
                reference = parse(read_document(ref_txt), lexicon)
            except JuesuanError as e:
                print(f"| {lib} | {pdf.name[:2]} | {statistics.median(times) * 1000:.0f} | {sum(numbers.values())} | "
                      f"{same} | {with_words / max(1, sum(numbers.values())):.0%} | — | 拒绝：{str(e)[-20:]} | — |")
                continue
            key = lambda f: (f.表, f.口径, f.类, f.款, f.项, f.科目编码, f.科目, f.属性, f.数值, f.表名)  # noqa: E731
            ref = {key(f) for f in reference.facts}
            got = {key(f) for f in report.facts}
            left = sum(1 for u in report.unplaced if u.reason.startswith(TABLE_REASON))
            ref_values = {k[:-2] + k[-1:]: k[-2] for k in ref}
            wrong = sum(1 for k in got if k[:-2] + k[-1:] in ref_values and ref_values[k[:-2] + k[-1:]] != k[-2])
            print(f"| {lib} | {pdf.name[:2]} | {statistics.median(times) * 1000:.0f} | {sum(numbers.values())} | {same} | "
                  f"{with_words / max(1, sum(numbers.values())):.0%} | {left} | {len(ref & got)}/{len(ref)} | {wrong} |")
    print()
    print("| 库 | 安装体积（含依赖） | 依赖 |")
    print("|---|---:|---|")
    for lib, (_, dist) in LIBRARIES.items():
        size, names = installed_size(dist)
        print(f"| {lib} | {size / 1e6:.1f} MB | {', '.join(sorted(names - {dist}))} |")


if __name__ == "__main__":
    main()

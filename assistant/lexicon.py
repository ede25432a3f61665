"""The item vocabulary (data/items.tsv), report-wording variants (data/canonical.tsv), the users'
synonym list (data/synonyms.tsv) and traditional → simplified characters (data/traditional.tsv).
Loaded on demand and passed around; nothing is read at import time."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path


def data_dir() -> Path:
    """``data/`` of the checkout, or the copy bundled into an installed wheel."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_bundled" / "data", here.parent / "data"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("找不到 data/ 目录（安装不完整）")


def tsv_rows(path: Path) -> list[list[str]]:
    """A data/*.tsv file's rows, cells trimmed; blank lines and # comments left out (none when it is missing)."""
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t")])
    return out


@cache
def simplified() -> dict[int, str]:
    """data/traditional.tsv as a ``str.translate`` table for questions: 會議費 → 会议费."""
    lines = (data_dir() / "traditional.tsv").read_text(encoding="utf-8").splitlines()
    return {ord(line[0]): line[2] for line in lines if len(line) >= 3 and line[1] == "\t" and line[0] != "#"}


@dataclass(frozen=True)
class ItemInfo:
    表: str
    口径: str
    上级科目: str


@dataclass(frozen=True)
class Lexicon:
    items: dict[str, ItemInfo] = field(default_factory=dict)
    canonical: dict[str, str] = field(default_factory=dict)
    synonyms: dict[str, str] = field(default_factory=dict)

    def canon(self, name: str) -> str:
        return self.canonical.get(name, name)


def load_lexicon(directory: Path | None = None) -> Lexicon:
    d = directory or data_dir()
    items = {r[0]: ItemInfo(*[*r, "", "", ""][1:4]) for r in tsv_rows(d / "items.tsv")}
    canonical = {r[0]: r[1] for r in tsv_rows(d / "canonical.tsv") if len(r) >= 2}
    synonyms = {r[0]: r[1] for r in tsv_rows(d / "synonyms.tsv") if len(r) >= 2}
    extra = os.environ.get("JUESUAN_SYNONYMS")  # a user's own list, added to ours
    if extra:
        synonyms.update({r[0]: r[1] for r in tsv_rows(Path(extra)) if len(r) >= 2})
    return Lexicon(items, canonical, synonyms)

"""Placing the numbers of flattened table rows into columns by arithmetic.

A flattened row gives its numbers in order but not their columns: ``2,112.86 2,106.66 6.20`` under
seven columns. Each run of numbers is a ``Run``: the numbers, and the ordered slots they can fill (the
columns of its row, or of several rows when the numbers were pushed onto a line of their own). A
*candidate* maps the numbers, in order, to increasing slots; unfilled slots are blank (zero).

The table's identities (合计 = sum of its parts, 类 = sum of its 款, the same figure in two tables,
a part never above its whole) are ``Constraint`` objects over slots. ``solve`` keeps only candidates
that can satisfy every identity, allowing rounding differences of half a unit per term; an identity
that no candidate can satisfy is a stated error (reported, never used to prune). A row with blank cells
(or numbers from another line) in an identity that fails is set aside whole (``drop_broken``,
``shaky_in_failing``) and the rest solved again without it: its placement would rest on figures that do
not add up, and is never fitted to the columns that still do. What stays ambiguous is left to the caller,
which may use x positions (PDF) or refuse the cells.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

Slot = tuple[str, str, int]  # (table, row key, column index)
ZERO = Decimal(0)
_MAX_SUMS = 20000  # give up pruning with an identity whose partial sums explode (never happens in practice)
_MAX_CANDIDATES = 5000


@dataclass
class Run:
    values: list[Decimal]
    slots: list[Slot]
    candidates: list[tuple[int, ...]] = field(default_factory=list)
    boxes: list[tuple[float, float]] | None = None  # x extents of the values (PDF)
    irregular: bool = False  # numbers taken from another line than their label
    start: list[tuple[int, ...]] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.candidates:
            n, k = len(self.slots), len(self.values)
            if k <= n and _count(n, k) <= _MAX_CANDIDATES:
                self.candidates = list(combinations(range(n), k))
        self.start = list(self.candidates)  # before any identity pruned them (``Grid.reset``)

    @property
    def shaky(self) -> bool:
        """Its cells rest on inference: blank cells (several placements printed alike) or numbers taken from
        another line. A shaky row whose identities fail cannot be placed with confidence."""
        return self.irregular or len(self.start) > 1

    def value(self, cand: tuple[int, ...], slot_index: int) -> Decimal:
        for i, s in enumerate(cand):
            if s == slot_index:
                return self.values[i]
        return ZERO

    @property
    def settled(self) -> bool:
        return len(self.candidates) == 1


def _count(n: int, k: int) -> int:
    from math import comb

    return comb(n, k)


@dataclass
class Constraint:
    """``sum(coef * slot) (= or >=) 0``, within ``tol``."""

    terms: list[tuple[Slot, int]]
    kind: str  # "=" or ">="
    tol: Decimal
    rule: str  # what it checks, for reports
    label: str = ""
    violated: bool = False
    groups: dict[int, list[tuple[int, int]]] | None = field(default=None, repr=False, compare=False)  # run → (slot, coef)


class Grid:
    def __init__(self) -> None:
        self.runs: list[Run] = []
        self.owner: dict[Slot, tuple[int, int]] = {}  # slot → (run index, slot index in run)
        self.constraints: list[Constraint] = []
        self.doubted: dict[int, Constraint] = {}  # failing identities that set rows aside (stated errors to report)

    def add(self, run: Run) -> Run:
        idx = len(self.runs)
        self.runs.append(run)
        for j, s in enumerate(run.slots):
            self.owner.setdefault(s, (idx, j))
        return run

    def has(self, slot: Slot) -> bool:
        return slot in self.owner

    def constrain(self, terms: Iterable[tuple[Slot, int]], kind: str, tol: Decimal, rule: str, label: str = "") -> None:
        terms = list(terms)
        if terms and all(s in self.owner for s, _ in terms):
            self.constraints.append(Constraint(terms, kind, tol, rule, label))

    # ---- evaluation ---------------------------------------------------------------------------------
    def _groups(self, c: Constraint) -> dict[int, list[tuple[int, int]]]:
        if c.groups is None:  # the slots' owners never change once every slot of the identity is owned
            c.groups = {}
            for slot, coef in c.terms:
                r, j = self.owner[slot]
                c.groups.setdefault(r, []).append((j, coef))
        return c.groups

    def _contributions(self, c: Constraint) -> dict[int, dict[tuple[int, ...], Decimal]]:
        out: dict[int, dict[tuple[int, ...], Decimal]] = {}
        for r, items in self._groups(c).items():
            run = self.runs[r]
            values: dict[tuple[int, ...], Decimal] = {}
            for a in run.candidates:
                at = dict(zip(a, run.values, strict=True))
                values[a] = sum((coef * at.get(j, ZERO) for j, coef in items), ZERO)
            out[r] = values
        return out

    def _settled(self, c: Constraint) -> bool:
        return all(len(self.runs[r].candidates) <= 1 for r in self._groups(c))

    @staticmethod
    def _sums(sets: list[set[Decimal]]) -> set[Decimal] | None:
        total = {ZERO}
        for s in sets:
            total = {a + b for a in total for b in s}
            if len(total) > _MAX_SUMS:
                return None
        return total

    def _ok(self, c: Constraint, x: Decimal) -> bool:
        return abs(x) <= c.tol if c.kind == "=" else x >= -c.tol

    def _feasible(self, c: Constraint, own: Decimal, others: set[Decimal]) -> bool:
        if c.kind == "=":
            return any(abs(own + s) <= c.tol for s in others)
        return own + max(others) >= -c.tol

    def _mark_violated(self) -> None:
        for c in self.constraints:
            if all(len(self.runs[r].candidates) == 1 for r in self._groups(c)):  # settled: one sum to check
                res = self.residual(c)
                if res is not None and not self._ok(c, res):
                    c.violated = True
                continue
            contrib = self._contributions(c)
            sums = self._sums([set(v.values()) for v in contrib.values()])
            if sums is not None and not any(self._ok(c, s) for s in sums):
                c.violated = True  # no placement satisfies it: a stated error, never used to prune

    def runs_of(self, c: Constraint) -> set[int]:
        return set(self._groups(c))

    def reset(self) -> None:
        """Every run back to all its placements, no identity judged yet (to solve again without some runs)."""
        for run in self.runs:
            run.candidates = list(run.start)
        for c in self.constraints:
            c.violated = False

    def drop_broken(self, refused: Iterable[int] = ()) -> set[int]:
        """Runs that cannot be placed with confidence: ``refused`` (judged so before), and shaky runs (blank
        cells, or numbers from another line) that fit no reading of their own row — e.g. ``50.00 20.00``
        under 合计 基本支出 项目支出. The identities that involve them no longer prune anything (so no other
        row is placed by figures we do not trust). Returns their indexes."""
        self._mark_violated()
        bad = set(refused)
        for c in self.constraints:
            rows = self.runs_of(c)
            run = self.runs[next(iter(rows))]
            if c.violated and len(rows) == 1 and run.shaky:
                bad |= rows
                if not run.irregular:  # a misread line is no error of the report
                    self.doubted[id(c)] = c
        for c in self.constraints:
            if self.runs_of(c) & bad:
                c.violated = True
        return bad

    def failing(self, c: Constraint) -> bool:
        """No placement left satisfies the identity (under the settled placement, or any combination)."""
        if self.broken(c):
            return True
        if self._settled(c):
            return False
        sums = self._sums([set(v.values()) for v in self._contributions(c).values()])
        return sums is not None and not any(self._ok(c, s) for s in sums)

    def certain_residual(self, c: Constraint) -> Decimal | None:
        """The identity's residual when every placement left gives the same one (else None)."""
        sums = self._sums([set(v.values()) for v in self._contributions(c).values()])
        return next(iter(sums)) if sums is not None and len(sums) == 1 else None

    def shaky_in_failing(self, skip: set[int]) -> set[int]:
        """Shaky runs in identities that fail (constraints that involve a run of ``skip`` aside): their
        placement rested on figures that do not add up, so none of it can be trusted."""
        out: set[int] = set()
        for c in self.constraints:
            rows = self.runs_of(c)
            if rows & skip or not self.failing(c):
                continue
            doubtful = {r for r in rows if self.runs[r].shaky}
            out |= doubtful
            if doubtful and not any(self.runs[r].irregular for r in rows):
                self.doubted[id(c)] = c
        return out

    def solve(self) -> None:
        self._mark_violated()
        changed = True
        while changed:
            changed = False
            for c in self.constraints:
                if c.violated or self._settled(c):
                    continue
                contrib = self._contributions(c)
                for r, own in contrib.items():
                    if len(own) <= 1:
                        continue
                    others = self._sums([set(v.values()) for k, v in contrib.items() if k != r])
                    if others is None:
                        continue
                    keep = [a for a in self.runs[r].candidates if self._feasible(c, own[a], others)]
                    if keep and len(keep) < len(self.runs[r].candidates):
                        self.runs[r].candidates = keep
                        contrib[r] = {a: own[a] for a in keep}
                        changed = True

    def prefer_exact(self) -> bool:
        """Among candidates the rounding slack could not tell apart, keep those that satisfy the most
        identities exactly (``0.01`` is a cell of its own, not a rounding difference). True if any run
        settled."""
        by_run: dict[int, list[Constraint]] = {}
        for c in self.constraints:
            if c.violated or c.kind != "=":
                continue
            for slot, _ in c.terms:
                by_run.setdefault(self.owner[slot][0], []).append(c)
        settled = False
        for r, run in enumerate(self.runs):
            if len(run.candidates) <= 1:
                continue
            scores = {}
            for a in run.candidates:
                score = 0
                for c in {id(c): c for c in by_run.get(r, [])}.values():
                    contrib = self._contributions(c)
                    others = self._sums([set(v.values()) for k, v in contrib.items() if k != r])
                    if others is not None and any(contrib[r][a] + s == ZERO for s in others):
                        score += 1
                scores[a] = score
            best = max(scores.values())
            keep = [a for a in run.candidates if scores[a] == best]
            if len(keep) < len(run.candidates):
                run.candidates = keep
                settled = True
        return settled

    def broken(self, c: Constraint) -> bool:
        """The identity fails under the settled placement (or under every placement)."""
        res = self.residual(c)
        return c.violated or (res is not None and not self._ok(c, res))

    def residual(self, c: Constraint) -> Decimal | None:
        """The identity's left side minus right side under the settled placement (None if unsettled)."""
        total = ZERO
        for slot, coef in c.terms:
            r, j = self.owner[slot]
            run = self.runs[r]
            if not run.settled:
                return None
            total += coef * run.value(run.candidates[0], j)
        return total

    def cell(self, slot: Slot) -> Decimal | None:
        """The value of a slot when every remaining candidate agrees on it, else None."""
        r, j = self.owner[slot]
        run = self.runs[r]
        if not run.candidates:
            return None
        values = {run.value(a, j) for a in run.candidates}
        return values.pop() if len(values) == 1 else None

"""Small-cell suppression for published tables, with complementary suppression.

A table is a set of cells (any hashable key -> a number) and the linear equations a reader
knows hold between them, because the totals are published too (pria + wanita = total, the
rows of a group add up to their parent row, the PDs add up to the kabupaten). A count from 1
to ``min_count - 1`` is hidden (primary suppression; 0 is shown: it identifies nobody). Then,
until nothing changes:

1. every equation with exactly one hidden cell gets a partner: the visible cell of that
   equation with the smallest non-zero value (a zero only when there is nothing else), so the
   hidden cell cannot be recomputed as "total minus the others";
2. the equations together must not determine a hidden cell either (three equations can pin
   one cell even when each has two hidden ones, and counts are never negative, so a set of
   hidden zeros can be proved 0): see :func:`determined_cells`; a determined cell gets one
   more partner from its equations.

Cells in ``fixed`` (published elsewhere, e.g. the kabupaten table) are never hidden.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np

Number = int | Decimal | float
CellKey = Hashable


@dataclass(frozen=True)
class Equation:
    """``sum(coefficient * cell) = 0`` over ``terms``, known to every reader of the tables."""

    terms: tuple[tuple[CellKey, int], ...]

    @classmethod
    def total(cls, parts: Iterable[CellKey], total: CellKey) -> Equation:
        """The parts add up to the total."""
        return cls((*((p, 1) for p in parts), (total, -1)))

    @property
    def cells(self) -> list[CellKey]:
        return [cell for cell, _ in self.terms]


def primary_cells(values: Mapping[CellKey, Number], min_count: int,
                  candidates: Iterable[CellKey] | None = None) -> set[CellKey]:
    """Cells whose count is from 1 to ``min_count - 1`` (none when ``min_count`` <= 1)."""
    keys = values.keys() if candidates is None else candidates
    return {k for k in keys if values[k] is not None and 0 < values[k] < min_count}


def suppress(values: Mapping[CellKey, Number], equations: Sequence[Equation], min_count: int,
             *, candidates: Iterable[CellKey] | None = None,
             fixed: Iterable[CellKey] = ()) -> set[CellKey]:
    """The cells to hide: the small counts among ``candidates`` (default: every cell not
    fixed) and their complementary cells. ``min_count`` 0 or 1 hides nothing."""
    fixed_set = set(fixed)
    pool = [k for k in (values.keys() if candidates is None else candidates)
            if k not in fixed_set]
    hidden = primary_cells(values, min_count, pool)
    if not hidden:
        return set()
    return _complete(values, list(equations), hidden, fixed_set)


def _partner(values: Mapping[CellKey, Number], cells: Iterable[CellKey], hidden: set[CellKey],
             fixed: set[CellKey]) -> CellKey | None:
    """The visible, hideable cell with the smallest non-zero value (then a zero)."""
    best: tuple[bool, float, int] | None = None
    chosen = None
    for order, cell in enumerate(cells):
        if cell in hidden or cell in fixed or cell not in values or values[cell] is None:
            continue
        size = abs(float(values[cell]))
        rank = (size == 0, size, order)
        if best is None or rank < best:
            best, chosen = rank, cell
    return chosen


def _complete(values: Mapping[CellKey, Number], equations: list[Equation],
              hidden: set[CellKey], fixed: set[CellKey]) -> set[CellKey]:
    by_cell: dict[CellKey, list[int]] = defaultdict(list)
    for index, equation in enumerate(equations):
        for cell in equation.cells:
            by_cell[cell].append(index)
    while True:
        _pair_up(values, equations, by_cell, hidden, fixed)
        exposed = determined_cells(values, equations, hidden)
        added = False
        for cell in sorted(exposed, key=repr):
            around = [c for index in by_cell[cell] for c in equations[index].cells]
            partner = _partner(values, around, hidden, fixed)
            if partner is not None:
                hidden.add(partner)
                added = True
        if not added:  # nothing left to hide that would help (or nothing exposed)
            return hidden


def _pair_up(values: Mapping[CellKey, Number], equations: list[Equation],
             by_cell: Mapping[CellKey, list[int]], hidden: set[CellKey],
             fixed: set[CellKey]) -> None:
    """Until every equation has 0 or >= 2 hidden cells (as far as any partner is left)."""
    todo = {i for cell in hidden for i in by_cell.get(cell, [])}
    while todo:
        index = todo.pop()
        cells = equations[index].cells
        if sum(cell in hidden for cell in cells) != 1:
            continue
        partner = _partner(values, cells, hidden, fixed)
        if partner is None:
            continue
        hidden.add(partner)
        todo.update(by_cell.get(partner, []))


def determined_cells(values: Mapping[CellKey, Number], equations: Sequence[Equation],
                     hidden: set[CellKey]) -> set[CellKey]:
    """Hidden non-zero cells a reader can compute exactly from the visible cells and the
    equations, knowing that counts are never negative.

    Near the true values, the hidden non-zero cells can move a little either way, the hidden
    zeros only upwards. A reader can therefore prove some hidden zeros are 0 (those no
    admissible move of the equations can raise, see :func:`forced_zeros`); with those known,
    a cell is determined exactly when the equations pin it linearly: its unit vector lies in
    their row space (exact sparse elimination)."""
    terms = [[(c, k) for c, k in eq.terms if c in hidden] for eq in equations]
    terms = [t for t in terms if t]
    unknown = set(hidden) - forced_zeros(values, terms, hidden)
    rows = [{c: Fraction(k) for c, k in eq_terms if c in unknown} for eq_terms in terms]
    pivots = _reduce([r for r in rows if r])
    return {cell for cell, row in pivots.items() if len(row) == 1 and values.get(cell)}


def forced_zeros(values: Mapping[CellKey, Number],
                 terms: Sequence[Sequence[tuple[CellKey, int]]],
                 hidden: set[CellKey]) -> set[CellKey]:
    """Hidden zeros that every solution of the equations with non-negative counts keeps at 0.

    The moves d of the hidden cells that keep every equation (A d = 0) with d >= 0 on the
    hidden zeros form a cone; a zero is forced when no move in it raises that zero. Linear
    programs (maximise the sum of the zeros not yet seen to rise, each capped at 1) find the
    zeros that can rise, until none more does."""
    zeros = [c for c in hidden if not values.get(c)]
    if not zeros:
        return set()
    from scipy.optimize import linprog

    cells = sorted(hidden, key=repr)
    column = {cell: i for i, cell in enumerate(cells)}
    matrix = np.zeros((len(terms), len(cells)))
    for row, eq_terms in enumerate(terms):
        for cell, coefficient in eq_terms:
            matrix[row, column[cell]] += coefficient
    is_zero = np.array([not values.get(c) for c in cells])
    bounds = [(0.0, 1.0) if zero else (-1.0, 1.0) for zero in is_zero]
    remaining = set(zeros)
    while remaining:
        objective = np.array([-1.0 if c in remaining else 0.0 for c in cells])
        result = linprog(objective, A_eq=matrix, b_eq=np.zeros(len(terms)), bounds=bounds,
                         method="highs")
        rising = {c for c in remaining if result.x[column[c]] > 1e-7}
        if result.status != 0 or not rising:
            break
        remaining -= rising
    return remaining


def _reduce(rows: list[dict[CellKey, Fraction]]) -> dict[CellKey, dict[CellKey, Fraction]]:
    """Gauss-Jordan elimination on sparse rows, exactly: the reduced rows by pivot cell. A
    unit vector lies in the row space exactly when its cell is a pivot whose reduced row has
    no other entry."""
    pivots: dict[CellKey, dict[CellKey, Fraction]] = {}
    for row in rows:
        row = dict(row)
        for cell in [c for c in row if c in pivots]:  # eliminate the known pivots
            factor = row.get(cell)
            if factor:
                _add(row, pivots[cell], -factor)
        row = {c: v for c, v in row.items() if v}
        if not row:
            continue
        pivot = min(row, key=repr)
        scale = row[pivot]
        row = {c: v / scale for c, v in row.items()}
        for other in pivots.values():  # keep every reduced row free of the new pivot
            factor = other.get(pivot)
            if factor:
                _add(other, row, -factor)
        pivots[pivot] = row
    return pivots


def _add(target: dict[CellKey, Fraction], row: dict[CellKey, Fraction],
         factor: Fraction) -> None:
    for cell, value in row.items():
        total = target.get(cell, Fraction(0)) + factor * value
        if total:
            target[cell] = total
        else:
            target.pop(cell, None)

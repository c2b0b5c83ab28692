"""One part of a list shown over several live slides: ``part_of(items, (2, 3))``.

A panel too long for one slide (a tier of warning signs, the ask-first list, the options
table, the checklist) is shown in parts, one per notebook cell; every part keeps the items'
order and the earlier parts take any odd item, so the parts together hold each item once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

_T = TypeVar("_T")


def part_of(items: Sequence[_T], part: tuple[int, int]) -> list[_T]:
    """Part ``n`` of ``parts`` of ``items``, in order; the earlier parts take any odd item."""
    number, parts = part
    if not 1 <= number <= parts:
        raise ValueError(f"part {number} of {parts} does not exist")
    size, odd = divmod(len(items), parts)
    start = (number - 1) * size + min(number - 1, odd)
    return list(items[start : start + size + (1 if number <= odd else 0)])

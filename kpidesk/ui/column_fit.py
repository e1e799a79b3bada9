"""Table columns that fit their table: no sideways scrolling while the texts can fit.

Each column has the width its texts want and the least it may take (a date or a
figure is never cut; a name, a queue or a comment may be elided with "…", the whole
text on hover). When the wanted widths do not fit, every column gives up the same
share of what it could spare; room left over goes to one column (a comment) or is
shared by all.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView


def share_out(widths: Sequence[int], floors: Sequence[int], room: int, spare_to: int | None = None) -> list[int]:
    """The column widths for ``room`` pixels: ``widths`` cut towards their ``floors``
    when they do not fit (never below a floor: past that the table scrolls) — column
    ``spare_to`` first (a free-text comment), then every column in proportion to
    what it can spare; when they fit, the room left goes to column ``spare_to``, or
    to every column in proportion to its width."""
    widths = list(widths)
    excess = sum(widths) - room
    if excess > 0 and room > 0 and spare_to is not None:
        given = min(excess, max(0, widths[spare_to] - floors[spare_to]))
        widths[spare_to] -= given
        excess -= given
    if excess > 0 and room > 0:
        slack = [max(0, w - f) for w, f in zip(widths, floors, strict=True)]
        total = sum(slack)
        if total > 0:
            cut = min(1.0, excess / total)
            # each cut rounded up (never past the floor): no pixel left over to scroll
            widths = [w - math.ceil(s * cut) for w, s in zip(widths, slack, strict=True)]
    elif excess < 0 and widths:
        if spare_to is not None:
            widths[spare_to] += -excess
        else:
            total = sum(widths)
            widths = [w + int(-excess * w / total) for w in widths]
    return widths


def resize_sections(header: QHeaderView, widths: Sequence[int]) -> None:
    for c, width in enumerate(widths):
        if header.sectionSize(c) != width:
            header.resizeSection(c, width)

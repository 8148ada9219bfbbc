"""How a figure is rounded, once, for the page, the sentences and the exports.

A figure that appears on a page and in a CSV or XLSX file must read the same in
all of them. Django's `floatformat` rounds half up on the decimal text of the
float, Python's `round` and f-strings round half to even on its binary value, so
3.25 became "3,3" on the page, "3,2" in the CSV and 3.25 in Excel. Everything that
shows a score or a share goes through these helpers instead.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format

TENTH = Decimal("0.1")


def one_decimal(value: float) -> Decimal:
    """The value rounded half up to one decimal, as `floatformat:1` rounds it."""
    return Decimal(str(value)).quantize(TENTH, rounding=ROUND_HALF_UP)


def one_decimal_text(value: float) -> str:
    """The rounded value written in the active language ("3,3" in Danish)."""
    return str(number_format(one_decimal(value), 1))


def percent(share: float) -> int:
    """A share (0–1) as whole percent, rounded half up (12.5 % is 13 %)."""
    return int((Decimal(str(share)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))

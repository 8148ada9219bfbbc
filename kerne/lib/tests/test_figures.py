"""One rounding for a figure wherever it is shown."""

from __future__ import annotations

from decimal import Decimal

from django.template import Context, Template
from django.utils import translation

from kerne.lib import figures


def test_one_decimal_rounds_half_up_as_floatformat_does():
    template = Template("{{ v|floatformat:1 }}")
    for value in (3.25, 3.35, 2.05, 4.15, 1.0, 4.999, 3.2499):
        with translation.override("en"):
            shown = template.render(Context({"v": value}))
        assert str(figures.one_decimal(value)) == shown, value
    assert figures.one_decimal(3.25) == Decimal("3.3")
    assert f"{3.25:.1f}" == "3.2"  # why a helper is needed


def test_the_text_follows_the_language():
    with translation.override("da"):
        assert figures.one_decimal_text(3.25) == "3,3"
    with translation.override("en"):
        assert figures.one_decimal_text(3.25) == "3.3"


def test_percent_rounds_half_up():
    assert figures.percent(0.125) == 13
    assert round(100 * 0.125) == 12
    assert figures.percent(0.0) == 0
    assert figures.percent(1.0) == 100
    assert figures.percent(2 / 3) == 67

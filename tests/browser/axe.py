"""Page checks shared by the browser tests: axe-core for WCAG 2.1 A/AA, and fitting 360 px."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE_PATHS = (
    ROOT / "node_modules" / "axe-core" / "axe.min.js",
    ROOT / "kerne" / "static" / "vendor" / "axe-core" / "axe.min.js",
)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@cache
def axe_source() -> str:
    for path in AXE_PATHS:
        if path.exists():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError("axe-core is missing; run `npm ci` (or `make static`).")


def check_axe(page: Page) -> None:
    """Run axe-core on the page as it is now and fail on any WCAG 2.1 A/AA violation.

    The source is evaluated through the DevTools protocol, which the page's
    Content-Security-Policy does not govern, so the product's policy stays on.
    """
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source() + "\n;undefined")
    results: dict[str, Any] = page.evaluate(
        """(tags) => axe.run(document, {
             runOnly: {type: "tag", values: tags},
             resultTypes: ["violations"],
           })""",
        WCAG_TAGS,
    )
    violations = results["violations"]
    if violations:
        raise AssertionError(
            f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on {page.url}:\n"
            + "\n".join(_describe(v) for v in violations)
        )


def _describe(violation: dict[str, Any]) -> str:
    lines = [
        f"- {violation['id']} ({violation['impact']}): {violation['help']}",
        f"  {violation['helpUrl']}",
    ]
    for node in violation["nodes"][:5]:
        target = " ".join(
            " > ".join(t) if isinstance(t, list) else t for t in node["target"]
        )
        summary = " ".join(node.get("failureSummary", "").split())
        lines.append(f"  at {target}: {summary[:200]}")
    if len(violation["nodes"]) > 5:
        lines.append(f"  … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def assert_fits(page: Page) -> None:
    """Nothing on the page makes the reader scroll sideways at the viewport's width."""
    width = page.viewport_size["width"] if page.viewport_size else 0
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        too_wide = page.evaluate(
            """(width) => [...document.querySelectorAll("body *")]
                 .filter((el) => el.getBoundingClientRect().right > width + 1)
                 .slice(0, 5)
                 .map((el) => el.outerHTML.slice(0, 150))""",
            width,
        )
        raise AssertionError(
            f"{page.url} scrolls sideways at {width} px (scrollWidth {scroll_width}). "
            "Too wide:\n" + "\n".join(too_wide)
        )

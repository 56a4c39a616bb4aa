"""The HTML report as an editor sees it: opened in headless Chromium from the local file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from carryover.steps import write_html_report
from tests.browser.conftest import launch, save_screenshot
from tests.report_frames import HOSTILE_FORMULA, HOSTILE_IMG, HOSTILE_SCRIPT, report_data

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DEMO = "hip_thrust_vs_squat"


def _claims_table(page: Any, article: str) -> Any:
    return page.locator(f"article:has(h3:has-text('{article}')) table.claims")


def test_the_bundled_report_lets_an_editor_fix_the_demonstration_article(
    visit: Any, bundled_report: Path
) -> None:
    """No console error, no request; the article needs fixes; line 17's 21.2% shows its fix."""
    v = visit(bundled_report)
    page = v.page
    save_screenshot(page, "report-bundled-first-screen.png", full_page=False)
    save_screenshot(page, "report-bundled.png")
    assert v.console_errors == []
    assert v.blocked == []

    verdict_row = page.locator("#article-verdicts tr", has_text=DEMO)
    assert verdict_row.is_visible()
    assert "needs fixes" in verdict_row.inner_text()
    assert verdict_row.locator("td").nth(3).inner_text() == "6"  # wrong figures

    rows = _claims_table(page, DEMO).locator("tr[data-line='17']")
    row = rows.filter(has=page.locator("td:nth-child(2) strong", has_text="21.2%"))
    assert row.count() == 1
    assert row.is_visible()
    text = row.inner_text()
    assert "contradicted" in text
    assert "the paper reports 13.3% for this figure" in text
    assert "conflicts with line 32" in text
    assert "Abstract" in text
    # The first screen already says the run failed and how badly.
    assert page.locator("#run-status").is_visible()
    # 11 wrong claims plus Enes 2024's inconsistent p (statistics.csv).
    assert page.locator("#count-errors").inner_text().startswith("12")
    assert page.locator("svg[role='img']").count() >= 2  # heatmap and forest plot


def test_tables_sort_by_a_clicked_column(visit: Any, bundled_report: Path) -> None:
    """Clicking a header sorts its table; a second click reverses it; aria-sort says which."""
    page = visit(bundled_report).page
    table = _claims_table(page, DEMO)

    def lines() -> list[int]:
        return [int(x) for x in table.locator("tbody td:first-child").all_inner_texts()]

    original = lines()
    assert original == sorted(original)
    header = table.locator("th").first
    header.locator("button.sort").click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert lines() == sorted(original)
    header.locator("button.sort").click()
    assert header.get_attribute("aria-sort") == "descending"
    assert lines() == sorted(original, reverse=True)
    verdict = table.locator("th").nth(3)
    verdict.locator("button.sort").click()
    cells = table.locator("tbody td:nth-child(4)")
    verdicts = [cells.nth(i).get_attribute("data-sort") or "" for i in range(cells.count())]
    assert verdicts == sorted(verdicts)
    assert verdicts[0] == "contradicted"


def test_hostile_cell_values_show_as_text_and_run_nothing(visit: Any, tmp_path: Path) -> None:
    """<script>, <img onerror> and =HYPERLINK(...) in the data show as inert text; nothing loads."""
    path = write_html_report(tmp_path, report_data(hostile=True))
    v = visit(path)
    page = v.page
    assert page.evaluate("() => window.__pwned") is None
    assert v.blocked == []
    assert v.console_errors == []
    body = page.locator("body").inner_text()
    assert HOSTILE_SCRIPT in body
    assert HOSTILE_IMG in body
    assert HOSTILE_FORMULA in body
    assert page.locator("img").count() == 0
    assert page.locator("a[href^='http']").count() == 0
    save_screenshot(page, "report-hostile.png")


def test_the_report_prints(visit: Any, tmp_path: Path) -> None:
    """Printed (as PDF), the page keeps its content and drops the controls."""
    path = write_html_report(tmp_path, report_data())
    page = visit(path).page
    page.emulate_media(media="print")
    assert page.locator("nav.toc").is_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    (tmp_path / "report.pdf").write_bytes(pdf)


def test_without_javascript_the_page_is_complete(
    playwright: Any, chromium_path: str, bundled_report: Path, tmp_path: Path
) -> None:
    """With scripts off, every verdict and fix is there; only the sort buttons are missing."""
    context = launch(playwright, chromium_path, tmp_path / "profile", javascript=False)
    try:
        page = context.new_page()
        page.goto(bundled_report.resolve().as_uri())
        assert page.locator("button.sort").count() == 0
        assert "needs fixes" in page.locator("#article-verdicts").inner_text()
        assert page.get_by_text("the paper reports 13.3% for this figure").first.is_visible()
    finally:
        context.close()

"""The HTML report: self-contained, escaped, every claim and finding where an editor looks."""

import re
from html.parser import HTMLParser

import polars as pl

from carryover.report.changes import compare_findings
from carryover.report.html import render_html
from carryover.report.markdown import summary_markdown
from carryover.report.model import findings_records
from tests.report_frames import (
    HOSTILE_FORMULA,
    HOSTILE_IMG,
    HOSTILE_SCRIPT,
    findings,
    report_data,
)


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_hostile_cell_values_render_as_text() -> None:
    """A cell holding <script>, an <img> or =HYPERLINK(...) shows as text: no element, no link."""
    html = render_html(report_data(hostile=True))
    tags = _parse(html)
    assert [t for t, _ in tags.tags if t == "script"] == ["script"]  # only the sorting script
    assert not [t for t, _ in tags.tags if t in ("img", "iframe", "object", "embed", "image")]
    assert not [a for _, a in tags.tags if any(k.startswith("on") for k in a)]
    hrefs = [a.get("href") or "" for t, a in tags.tags if t == "a"]
    assert all(h.startswith("#") for h in hrefs), hrefs
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;img src=&#34;http://example.invalid/p.png&#34;" in html
    assert "=HYPERLINK(&#34;http://example.invalid/x&#34;,&#34;click&#34;)" in html
    assert HOSTILE_SCRIPT not in html
    assert HOSTILE_IMG not in html
    assert HOSTILE_FORMULA not in html  # its quotes are entities, so no attribute can take it


def test_the_page_is_self_contained_and_allows_no_fetch() -> None:
    """Inline CSS, SVG and script; a CSP forbids every fetch and allows only the page's script."""
    html = render_html(report_data())
    tags = _parse(html)
    assert not [a for t, a in tags.tags if t == "link" or a.get("src")]
    without_namespaces = re.sub(r'xmlns(:\w+)?="[^"]*"', "", html)
    assert "http://" not in without_namespaces
    assert "https://" not in without_namespaces
    csp = next(
        a["content"] for t, a in tags.tags if a.get("http-equiv") == "Content-Security-Policy"
    )
    assert csp is not None
    assert "default-src 'none'" in csp
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]+'", csp)
    assert html.count("<svg") >= 3  # heatmap, forest of g, forest of percent changes


def test_the_first_screen_gives_each_article_its_verdict_and_wrong_figures() -> None:
    """An article with a contradicted claim needs fixes; the claim shows the paper's figure."""
    html = render_html(report_data())
    verdicts = html[html.index('id="article-verdicts"') : html.index("</table>")]
    assert "needs fixes" in verdicts
    assert '<td class="num">1</td>' in verdicts  # one wrong figure
    claims = html[html.index('id="articles"') :]
    row17 = claims[claims.index('data-line="17"') :]
    row17 = row17[: row17.index("</tr>")]
    assert "21.2%" in row17
    assert "13.3%" in row17
    assert "contradicted" in row17
    assert "the paper reports 13.3% for this figure" in row17
    assert "The squat group gained 21.2% on the hip thrust." in row17  # the article's sentence
    assert "Abstract" in row17


def test_an_article_with_only_supported_claims_is_ready() -> None:
    """No wrong figure: the article is ready."""
    data = report_data()
    checks = data.claim_checks
    assert checks is not None
    ok = checks.with_columns(pl.lit("supported").alias("verdict"))
    html = render_html(type(data)(**{**data.__dict__, "claim_checks": ok}))
    verdicts = html[html.index('id="article-verdicts"') : html.index("</table>")]
    assert "ready" in verdicts
    assert "needs fixes" not in verdicts


def test_findings_are_grouped_by_file_and_rule_with_the_expected_form() -> None:
    """Each finding shows file:line, column, the value and the contract's expected form."""
    html = render_html(report_data())
    section = html[html.index('id="findings"') : html.index('id="quarantine"')]
    assert section.index("articles/demo.md") < section.index("exercises.csv")
    assert "exercises.csv:4" in section
    assert "slug_format" in section
    assert "an id of lower-case letters, digits and &#39;_&#39;, starting with a letter" in section
    quarantine = html[html.index('id="quarantine"') : html.index('id="plots"')]
    assert "Front Squat,Front squat," in quarantine


def test_without_fingerprints_the_page_says_no_comparison_is_available() -> None:
    """No fingerprint: the changes section says so instead of guessing."""
    html = render_html(report_data(note="No comparison available: no fingerprint."))
    assert 'id="no-comparison"' in html
    assert "No comparison available: no fingerprint." in html


def test_changes_list_new_and_resolved_findings_and_label_each_finding() -> None:
    """With fingerprints, new and resolved findings are listed and each finding is labelled."""
    current = findings().with_columns(pl.Series("fingerprint", ["f1", "f2", "f3"]))
    previous = findings().with_columns(pl.Series("fingerprint", ["f1", "f2", "f9"]))
    data = report_data(changes=compare_findings(current, previous))
    data = type(data)(**{**data.__dict__, "findings": current})
    html = render_html(data)
    assert "1 new" in html
    assert "1 resolved" in html
    assert "2 unchanged" in html
    assert [r["change"] for r in findings_records(data)] == ["unchanged", "unchanged", "new"]


def test_an_earlier_run_says_what_is_kept_only_for_the_latest() -> None:
    """Re-rendering an earlier run shows its findings and says verdicts and plots are not kept."""
    html = render_html(report_data(latest=False))
    assert "This is an earlier run." in html
    assert "exercises.csv:4" in html
    assert "<svg" not in html


def test_the_summary_artifact_lists_articles_and_wrong_figures() -> None:
    """The Markdown summary has the status, each article's verdict and each wrong figure's fix."""
    text = summary_markdown(report_data(hostile=True), "/reports/r.html")
    assert "errors found" in text
    assert "| demo | articles/demo.md | needs fixes | 1 |" in text
    assert "the paper reports 13.3% for this figure (Abstract)" in text
    assert "<script>" not in text
    assert "<img" not in text


def _forest_rows(groups: int) -> tuple[pl.DataFrame, pl.DataFrame]:
    rows = pl.DataFrame(
        {
            "trained_exercise": ["hip_thrust"] * groups,
            "test_exercise": ["back_squat"] * groups,
            "study_id": [f"s{i:04d}" for i in range(groups)],
            "group_id": ["g1"] * groups,
            "measure": ["1RM"] * groups,
            "n": [10 + i % 50 for i in range(groups)],
            "g": [0.1 + (i % 7) / 10 for i in range(groups)],
            "g_var": [0.05] * groups,
            "change_pct": [5.0 + i % 11 for i in range(groups)],
        }
    )
    pooled = pl.DataFrame(
        {
            "trained_exercise": ["hip_thrust"],
            "test_exercise": ["back_squat"],
            "g_pooled": [0.4],
            "g_ci_lo": [0.3],
            "g_ci_hi": [0.5],
            "k_g": [groups],
            "change_pct_mean": [10.0],
            "k_studies": [groups],
        }
    )
    return rows, pooled


def test_a_forest_plot_draws_the_largest_groups_of_a_crowded_pair_and_says_so() -> None:
    from carryover.report import plots

    few = plots.forest_plot(*_forest_rows(plots.FOREST_ROWS_PER_PAIR), "g")
    assert few is not None
    assert "not drawn" not in few
    many = plots.forest_plot(*_forest_rows(2000), "g")
    assert many is not None
    assert f"{2000 - plots.FOREST_ROWS_PER_PAIR:,} smaller groups not drawn" in many
    assert "s0049 g1 (1RM, n=59)" in many  # n = 59 is among the largest
    assert "s0000 g1" not in many  # n = 10, among the smallest
    ids = re.findall(r'id="([^"]+)"', many)
    assert len(ids) == len(set(ids))
    assert all(i.startswith("forest-g-") for i in ids)


def test_a_forest_plot_of_many_pairs_draws_the_best_supported_and_counts_the_rest() -> None:
    from carryover.report import plots

    rows, pooled = _forest_rows(plots.FOREST_ROWS_PER_PAIR)
    frames = [
        rows.with_columns(pl.lit(f"ex_{p:02d}").alias("test_exercise")).head(10 + p)
        for p in range(20)
    ]
    svg = plots.forest_plot(pl.concat(frames), pooled, "change_pct")
    assert svg is not None
    drawn = [p for p in range(20) if f"hip_thrust -&gt; ex_{p:02d}" in svg]
    assert 19 in drawn  # the pair with the most groups comes first
    assert 0 not in drawn  # the one with the fewest is left out
    assert 0 < len(drawn) < 20
    assert f"{20 - len(drawn)} more pairs not drawn" in svg


def test_the_report_environment_looks_up_as_jinja_does() -> None:
    """Keys, a key named like a dict method, attributes and a missing key: as stock Jinja."""
    import jinja2
    import pytest

    from carryover.report.html import _environment

    template = "{{ d.a }}|{{ d['items'] }}|{{ d.items is callable }}|{{ d.k.x }}|{{ s.upper() }}"
    stock = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    ours = _environment()
    values = {"d": {"a": "<b>", "items": 3, "k": {"x": 1.5}}, "s": "x"}
    got = ours.from_string(template).render(**values)
    assert got == stock.from_string(template).render(**values)
    assert got == "&lt;b&gt;|3|True|1.5|X"
    for env in (stock, ours):
        with pytest.raises(jinja2.UndefinedError):
            env.from_string("{{ d.missing }}").render(d={"a": 1})

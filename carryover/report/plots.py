"""The report's plots, drawn by matplotlib and returned as inline SVG text (no files, no network).

Pure: frames in, SVG out. Text stays text (`svg.fonttype: none`), so it is searchable, small and
escaped by matplotlib's XML writer; math parsing is off for every label, so a `$` in the data is
shown as a `$`. Element ids are prefixed per figure so that several SVGs can share one page.
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl

mpl.use("Agg")

import matplotlib.pyplot as plt
import polars as pl
from matplotlib import transforms
from matplotlib.figure import Figure

Z95 = 1.959964
_RC: Any = {
    "text.parse_math": False,
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_ID = re.compile(r'id="([^"]+)"')
_REFERENCE = re.compile(r'(id="|url\(#|href="#)([^")]+)')
"""An element id, or a reference to one: what must be unique to its figure within the page."""
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)


@contextmanager
def _figure(width: float, height: float) -> Iterator[Figure]:
    with mpl.rc_context(_RC):
        fig = plt.figure(figsize=(width, height))
        try:
            yield fig
        finally:
            plt.close(fig)


def _svg(fig: Figure, name: str, title: str) -> str:
    """Serialise a figure as an inline <svg> element: no XML prolog, ids unique to the figure."""
    for text in fig.findobj(mpl.text.Text):
        text.set_parse_math(False)
    buffer = io.StringIO()
    salt: Any = {"svg.hashsalt": name}
    with mpl.rc_context(salt):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = _METADATA.sub("", svg)  # RDF naming the creator: not needed, and it holds URIs
    ids = set(_ID.findall(svg))

    def prefixed(match: re.Match[str]) -> str:
        lead, ident = match.groups()
        return f"{lead}{name}-{ident}" if ident in ids else match.group(0)

    svg = _REFERENCE.sub(prefixed, svg)  # one pass: a big plot holds thousands of ids
    title_text = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return svg.replace("<svg ", f'<svg role="img" aria-labelledby="{name}-title" ', 1).replace(
        ">", f'><title id="{name}-title">{title_text}</title>', 1
    )


def _fmt_pct(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f}%"


def matrix_heatmap(pooled: pl.DataFrame, measure_family: str) -> str | None:
    """Heatmap of the carryover matrix: trained x tested, coloured and labelled by transfer ratio.

    Cross cells show the pooled transfer ratio (colour and number), the mean percent change and k;
    specific cells (the diagonal: the lift trained) are grey and show their own percent change.
    None when the family has no rows.
    """
    rows = pooled.filter(pl.col("measure_family") == measure_family)
    if rows.is_empty():
        return None
    trained = sorted(set(rows["trained_exercise"].to_list()))
    tested = sorted(set(rows["test_exercise"].to_list()))
    cells = {(r["trained_exercise"], r["test_exercise"]): r for r in rows.iter_rows(named=True)}
    grid = [
        [(cells.get((t, s)) or {}).get("transfer_ratio") if t != s else None for s in tested]
        for t in trained
    ]
    finite = [v for row in grid for v in row if v is not None]
    vmax = max([1.0, *finite])
    with _figure(2.3 * len(tested) + 2.6, 1.3 * len(trained) + 1.5) as fig:
        ax = fig.add_subplot()
        masked = [[math.nan if v is None else v for v in row] for row in grid]
        cmap = mpl.colormaps["viridis"].with_extremes(bad="#e6e6e6")
        # pcolormesh, not imshow: it stays vector (imshow embeds a PNG, which the page's
        # Content-Security-Policy does not load).
        image = ax.pcolormesh(
            [j - 0.5 for j in range(len(tested) + 1)],
            [i - 0.5 for i in range(len(trained) + 1)],
            [[float(v) for v in row] for row in masked],
            cmap=cmap,
            vmin=0.0,
            vmax=vmax,
            edgecolors="white",
            linewidth=2,
        )
        ax.set_xlim(-0.5, len(tested) - 0.5)
        ax.set_ylim(len(trained) - 0.5, -0.5)
        for i, t in enumerate(trained):
            for j, s in enumerate(tested):
                cell = cells.get((t, s))
                if cell is None:
                    label, dark = "no data", False
                elif t == s:
                    label = f"own lift\n{_fmt_pct(cell['change_pct_mean'])}\nk={cell['k_studies']}"
                    dark = False
                else:
                    ratio = cell["transfer_ratio"]
                    head = "ratio n/a" if ratio is None else f"ratio {ratio:.2f}"
                    label = f"{head}\n{_fmt_pct(cell['change_pct_mean'])}\nk={cell['k_studies']}"
                    dark = ratio is not None and ratio < 0.6 * vmax
                ax.text(
                    j,
                    i,
                    label,
                    ha="center",
                    va="center",
                    fontsize=9,
                    color="white" if dark else "black",
                )
        ax.set_xticks(range(len(tested)), tested)
        ax.set_yticks(range(len(trained)), trained)
        ax.set_xlabel("tested exercise")
        ax.set_ylabel("trained exercise")
        ax.tick_params(length=0)
        for side in ax.spines.values():
            side.set_visible(False)
        bar = fig.colorbar(image, ax=ax, fraction=0.05, pad=0.03)
        if bar.solids is not None:
            bar.solids.set_rasterized(False)
            bar.solids.set_edgecolor("face")
        bar.set_label("transfer ratio (cross gain / own-lift gain)")
        ax.set_title(f"Carryover matrix ({measure_family})", loc="left")
        return _svg(
            fig,
            "heatmap",
            f"Carryover matrix ({measure_family}): transfer ratio per trained and tested exercise",
        )


FOREST_ROWS_PER_PAIR = 40
"""A forest plot draws at most this many groups per trained -> tested pair (the largest): more
cannot be read on a page. The pooled estimate below them always uses every group."""
FOREST_MAX_ROWS = 400
"""A forest plot has at most about this many rows: the pairs with the most groups come first, and
the plot says how many pairs it leaves out (a page cannot show thousands of rows usefully)."""


def forest_plot(rows: pl.DataFrame, pooled: pl.DataFrame, metric: str) -> str | None:
    """Forest plot of per-study effects, one block per trained -> tested pair, pooled last.

    metric `g`: standardized mean change with its 95% CI (from g_var) and the DerSimonian-Laird
    pooled g with its CI as a diamond. metric `change_pct`: the percent change per study (marker
    area by n; no CI, as percent changes carry no variance here) and the participant-weighted mean
    as a diamond. Only trained groups take part (controls are not pooled). A pair with more than
    FOREST_ROWS_PER_PAIR groups shows its largest ones, and pairs beyond FOREST_MAX_ROWS rows are
    left out; the plot says how many of each. None when no row has the metric.
    """
    assert metric in ("g", "change_pct")
    data = rows.filter(pl.col("trained_exercise").is_not_null() & pl.col(metric).is_not_null())
    if data.is_empty():
        return None
    pooled_col = "g_pooled" if metric == "g" else "change_pct_mean"
    # Pairs with the most groups first, as many as fit in FOREST_MAX_ROWS rows.
    pairs = (
        data.group_by("trained_exercise", "test_exercise")
        .len()
        .sort("len", "trained_exercise", "test_exercise", descending=[True, False, False])
    )
    budget = FOREST_MAX_ROWS
    labels: list[str] = []
    ticks: list[float] = []
    points: list[tuple[float, float, float | None, float | None, int]] = []
    diamonds: list[tuple[float, float, float | None, float | None]] = []
    blocks: list[tuple[float, str]] = []
    y = 0.0
    left_out = 0
    for trained, tested, groups in pairs.iter_rows():
        drawn = min(groups, FOREST_ROWS_PER_PAIR)
        rows_needed = drawn + 2 + (1 if groups > drawn else 0)
        if blocks and rows_needed > budget:
            left_out += 1
            continue
        budget -= rows_needed
        block = data.filter(
            (pl.col("trained_exercise") == trained) & (pl.col("test_exercise") == tested)
        ).sort("study_id", "group_id", "measure")
        blocks.append((y, f"{trained} -> {tested}"))
        y += 1
        hidden = block.height - FOREST_ROWS_PER_PAIR
        if hidden > 0:  # the largest groups, in the usual order; the pooled figure uses them all
            block = (
                block.with_row_index("_order")
                .sort(pl.col("n").fill_null(0), "_order", descending=[True, False])
                .head(FOREST_ROWS_PER_PAIR)
                .sort("_order")
            )
        for r in block.iter_rows(named=True):
            value = float(r[metric])
            lo = hi = None
            if metric == "g" and r["g_var"] is not None and r["g_var"] > 0:
                half = Z95 * math.sqrt(r["g_var"])
                lo, hi = value - half, value + half
            labels.append(f"{r['study_id']} {r['group_id']} ({r['measure']}, n={r['n']})")
            ticks.append(y)
            points.append((y, value, lo, hi, int(r["n"] or 1)))
            y += 1
        if hidden > 0:
            labels.append(f"... {hidden:,} smaller groups not drawn (table carryover has them)")
            ticks.append(y)
            y += 1
        summary = pooled.filter(
            (pl.col("trained_exercise") == trained) & (pl.col("test_exercise") == tested)
        )
        if not summary.is_empty() and summary[pooled_col][0] is not None:
            s = summary.row(0, named=True)
            lo = s["g_ci_lo"] if metric == "g" else None
            hi = s["g_ci_hi"] if metric == "g" else None
            kind = "pooled (DL)" if metric == "g" else "weighted mean"
            labels.append(f"{kind}, k={s['k_g'] if metric == 'g' else s['k_studies']}")
            ticks.append(y)
            diamonds.append((y, float(s[pooled_col]), lo, hi))
            y += 1
        y += 0.5
    if left_out:
        blocks.append(
            (y, f"... {left_out:,} more pairs not drawn (table carryover_pooled has them)")
        )
        y += 1.5
    with _figure(8.0, 0.32 * y + 1.2) as fig:
        ax = fig.add_subplot()
        spans = [(py, lo, hi) for py, _, lo, hi, _ in points if lo is not None and hi is not None]
        if spans:
            ys, los, his = zip(*spans, strict=True)
            ax.hlines(ys, los, his, color="#333333", linewidth=1.2)
        ax.scatter(
            [value for _, value, *_ in points],
            [py for py, *_ in points],
            s=[12 + 4 * n for *_, n in points],
            marker="s",
            color="#1f4e79",
            zorder=3,
        )
        for py, value, lo, hi in diamonds:
            left = lo if lo is not None else value - 0.6
            right = hi if hi is not None else value + 0.6
            if metric == "change_pct" and lo is None:
                span = max(abs(v) for _, v, *_ in points) or 1.0
                left, right = value - 0.02 * span, value + 0.02 * span
            ax.fill(
                [left, value, right, value],
                [py, py - 0.35, py, py + 0.35],
                color="#c0504d",
                zorder=3,
            )
        for by, text in blocks:
            ax.text(
                0.0,
                by,
                text,
                transform=ax.get_yaxis_transform(),
                fontweight="bold",
                ha="left",
                va="center",
            )
        _row_labels(ax, ticks, labels)
        ax.set_ylim(y - 0.5, -0.8)
        ax.axvline(0, color="#888888", linewidth=0.8, linestyle="--")
        if metric == "g":
            ax.set_xlabel("standardized mean change g (95% CI); diamond: pooled g, 95% CI")
            title = "Per-study effects (g) with the DerSimonian-Laird pooled estimate"
        else:
            ax.set_xlabel("change in percent; square area: n; diamond: participant-weighted mean")
            title = "Per-study percent change with the participant-weighted mean"
        ax.set_title(title, loc="left")
        return _svg(fig, f"forest-{metric.replace('_', '-')}", title)


def _row_labels(ax: Any, ticks: list[float], labels: list[str]) -> None:
    """Label a plot's rows at the left of its axis, where tick labels would be.

    Each is a plain text placed as a y tick label is (TICK_PAD points left of the axis): a plot of
    hundreds of rows draws in less than half the time of one with as many ticks, which matplotlib
    builds and measures again for every layout pass.
    """
    ax.set_yticks([])
    at = transforms.offset_copy(
        ax.get_yaxis_transform(), fig=ax.figure, x=-TICK_PAD, units="points"
    )
    for tick, label in zip(ticks, labels, strict=True):
        ax.text(0.0, tick, label, transform=at, ha="right", va="center")


TICK_PAD = 3.5
"""Points between the axis and a row label (matplotlib's default pad of a y tick label)."""

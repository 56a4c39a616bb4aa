"""The editor's report as one self-contained HTML page (pure rendering; the caller writes it).

`render_html(data)` renders the report model (carryover.report.model) into one HTML document:
inline CSS, inline SVG plots, a small inline sorting script, and a Content-Security-Policy that
allows nothing to be fetched. Every value from the data goes through Jinja2's autoescaping; the only
markup not escaped is the SVG that matplotlib writes (it escapes text itself). The page is complete
without JavaScript; the script only adds sorting.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

import jinja2
import polars as pl
from markupsafe import Markup

from carryover.analytics.effects import ALL_STUDIES
from carryover.core.text import number_text
from carryover.report import plots
from carryover.report.model import ReportData, view_model

SORT_SCRIPT = """\
(function () {
  "use strict";
  function key(cell) {
    var v = cell.getAttribute("data-sort");
    return v === null ? cell.textContent.trim() : v;
  }
  function compare(x, y) {
    var nx = Number(x), ny = Number(y);
    if (x !== "" && y !== "" && !isNaN(nx) && !isNaN(ny)) { return nx - ny; }
    return x.localeCompare(y, undefined, {numeric: true, sensitivity: "base"});
  }
  function sortBy(table, index, th) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var heads = table.tHead.rows[0].cells;
    for (var h = 0; h < heads.length; h++) { heads[h].removeAttribute("aria-sort"); }
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    for (var b = 0; b < table.tBodies.length; b++) {
      var body = table.tBodies[b];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (r1, r2) {
        var c = compare(key(r1.cells[index]), key(r2.cells[index]));
        return ascending ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    }
  }
  var tables = document.querySelectorAll("table.sortable");
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.title = "Sort by this column";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
    table.classList.add("js-sortable");
  });
})();
"""


def _plots(data: ReportData) -> dict[str, Any] | None:
    if data.carryover is None or data.carryover_pooled is None:
        return None
    pooled = data.carryover_pooled
    if "subset" in pooled.columns:  # the plots show every study; the table has the sensitivity rows
        pooled = pooled.filter(pl.col("subset") == ALL_STUDIES)
    families = sorted(set(pooled["measure_family"].to_list())) if pooled.height else []
    heatmaps = [
        (family, Markup(svg))
        for family in families
        if (svg := plots.matrix_heatmap(pooled, family)) is not None
    ]
    forest_g = plots.forest_plot(data.carryover, pooled, "g")
    forest_pct = plots.forest_plot(data.carryover, pooled, "change_pct")
    cautioned = []
    if "cautioned_studies" in pooled.columns:
        flagged = pooled.filter(pl.col("cautioned_studies").is_not_null())
        cautioned = [
            f"{r['trained_exercise']} -> {r['test_exercise']} ({r['measure_family']}): "
            f"{r['cautioned_studies']}"
            for r in flagged.iter_rows(named=True)
        ]
    return {
        "cautioned": cautioned,
        "heatmaps": heatmaps,
        "forest_g": Markup(forest_g) if forest_g else None,
        "forest_pct": Markup(forest_pct) if forest_pct else None,
    }


_DICT_ATTRIBUTES = frozenset(dir(dict))


class _Environment(jinja2.Environment):
    """Jinja's environment, with `row.key` on the view model's dicts looked up as a key first.

    Jinja tries an attribute (which a dict's key is not: a raised AttributeError for each) and
    then the item; the report looks up a few attributes for each of its thousands of rows. A key
    named like a dict's own attribute (`items`) still goes Jinja's way, so every lookup gives what
    Jinja gives.
    """

    def getattr(self, obj: Any, attribute: str) -> Any:
        if type(obj) is dict and attribute not in _DICT_ATTRIBUTES:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def _environment() -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.PackageLoader("carryover.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = number_text
    return env


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render_html(data: ReportData) -> str:
    """The whole report as one self-contained HTML document."""
    model = view_model(data)
    model["plots"] = _plots(data)
    model["script"] = Markup(SORT_SCRIPT)
    model["csp"] = (
        "default-src 'none'; style-src 'unsafe-inline'; "
        f"script-src '{_csp_hash(SORT_SCRIPT)}'; base-uri 'none'; form-action 'none'"
    )
    return _environment().get_template("report.html.j2").render(**model)

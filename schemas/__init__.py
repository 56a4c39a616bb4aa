"""pandera schemas (polars backend) for every raw table, and the rule catalogue behind them.

One module per raw table states its grain and builds its plans; `TABLES` lists them in load order
(a table's references point only at tables before it).
"""

from schemas import claims, contrasts, exercises, groups, outcomes, statistics, studies
from schemas.table import TableSpec

TABLES: tuple[TableSpec, ...] = (
    exercises.SPEC,
    studies.SPEC,
    groups.SPEC,
    outcomes.SPEC,
    contrasts.SPEC,
    statistics.SPEC,
    claims.SPEC,
)
OPTIONAL_TABLES = frozenset({"claims", "contrasts", "statistics"})
"""Tables whose file may be absent (claims can come from article texts instead; a dataset need
not hold between-group results or printed test statistics)."""

SPECS: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}

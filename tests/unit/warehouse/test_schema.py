"""The analytics as loaded: numbers reproducible from the README formulas, views, comments."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator

import duckdb
import pytest

from carryover.steps import check
from carryover.warehouse.build import RunRecord, load
from carryover.warehouse.schema import matrix_sql
from tests.support import VALID, valid_texts, write_raw


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only warehouse of the valid set plus a control group and a study r (no Prefect)."""
    base = tmp_path_factory.mktemp("views")
    texts = valid_texts()
    texts["studies"] = (
        texts["studies"]
        .replace("sessions_per_week\n", "sessions_per_week,prepost_r\n")
        .replace(",8,2\n", ",8,2,0.8\n")
    )
    texts["groups"] += "trial_2020,ctl,Control,,8\n"
    texts["outcomes"] += "trial_2020,ctl,back_squat,1RM,kg,101.0,11.0,102.0,11.5,,,Table 2\n"
    raw = write_raw(base / "raw", texts)
    checked = check(raw)
    assert checked.validation.findings.is_empty(), checked.validation.findings.to_dicts()
    now = dt.datetime(2026, 11, 24, tzinfo=dt.UTC)
    path = base / "w.duckdb"
    load(path, RunRecord("r1", now, now, "ok", str(VALID)), checked.validation, checked.derived)
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def test_every_effect_size_is_reproducible_from_the_readme_formulas(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """g, g_var, lnrr, lnrr_var recomputed in plain Python from the stored figures agree."""
    rows = con.sql(
        "select n, pre_mean, pre_sd, post_mean, post_sd, change_abs, prepost_r, prepost_r_source, "
        "g, g_var, lnrr, lnrr_var from carryover"
    ).fetchall()
    computed = 0
    for n, pre, pre_sd, post, post_sd, change, r, r_source, g, g_var, lnrr, lnrr_var in rows:
        assert (r, r_source) == (0.8, "studies.csv")
        if pre_sd is None:
            assert g is None
            continue
        c = 1 - 3 / (4 * (n - 1) - 1)
        assert g == pytest.approx(c * change / pre_sd, rel=1e-12)
        assert g_var == pytest.approx(2 * (1 - r) / n + g**2 / (2 * n), rel=1e-12)
        assert lnrr == pytest.approx(math.log(post / pre), rel=1e-12)
        expected = (
            pre_sd**2 / (n * pre**2)
            + post_sd**2 / (n * post**2)
            - 2 * r * pre_sd * post_sd / (n * pre * post)
        )
        assert lnrr_var == pytest.approx(expected, rel=1e-12)
        computed += 1
    assert computed == 3


def test_transfer_and_controlled_figures_are_reproducible(con: duckdb.DuckDBPyConnection) -> None:
    """Cross rows divide by the reference group's gain; trained rows subtract the control's."""
    cross = con.sql(
        "select c.change_pct, r.change_pct, c.transfer_ratio from carryover c "
        "join carryover r on r.study_id = c.study_id and r.group_id = c.reference_group_id "
        "and r.test_exercise = c.test_exercise and r.measure = c.measure where c.role = 'cross'"
    ).fetchall()
    assert len(cross) == 2
    for gain, reference, ratio in cross:
        assert ratio == pytest.approx(gain / reference, rel=1e-12)
    controlled = con.sql(
        "select group_id, control_group_id, controlled_change_pct, controlled_g from carryover "
        "where test_exercise = 'back_squat' order by group_id"
    ).fetchall()
    ctl_pct = 100 * (102.0 - 101.0) / 101.0
    ctl_g = (1 - 3 / 27) * 1.0 / 11.0
    sq_g = (1 - 3 / 35) * 12.0 / 12.0
    assert controlled[0] == ("ctl", None, None, None)
    assert controlled[1][:2] == ("ht", "ctl")
    assert controlled[1][2] == pytest.approx(6.4 - ctl_pct)
    assert controlled[2][:2] == ("sq", "ctl")
    assert controlled[2][2] == pytest.approx(12.0 - ctl_pct)
    assert controlled[2][3] == pytest.approx(sq_g - ctl_g)


def test_the_matrix_has_trained_rows_and_tested_columns(con: duckdb.DuckDBPyConnection) -> None:
    """One row per trained exercise, one column per tested exercise; controls are not a row."""
    relation = con.sql("select * from carryover_matrix")
    assert relation.columns == ["trained_exercise", "measure_family", "back_squat", "hip_thrust"]
    assert relation.fetchall() == [
        ("back_squat", "RM strength", "+12.0% (k=1)", "+8.3%, ratio 0.33 (k=1)"),
        ("hip_thrust", "RM strength", "+6.4%, ratio 0.53 (k=1)", "+25.0% (k=1)"),
    ]


def test_matrix_sql_quotes_exercise_names() -> None:
    """Tested exercises become quoted identifiers and literals."""
    text = matrix_sql(["back_squat", "o'brien"])
    assert "when test_exercise = 'o''brien' then cell end) as \"o'brien\"" in text


def test_every_table_view_and_column_has_a_comment(con: duckdb.DuckDBPyConnection) -> None:
    """COMMENT ON documents the whole warehouse: tables, views, and each of their columns."""
    missing = con.sql(
        "select table_name, column_name from duckdb_columns() "
        "where database_name = current_database() and (comment is null or comment = '')"
    ).fetchall()
    assert missing == []
    comment = con.sql(
        "select comment from duckdb_columns() where table_name = 'carryover' "
        "and column_name = 'prepost_r_source'"
    ).fetchall()
    assert comment == [("`studies.csv` (the study's prepost_r) or `default` (0.5).",)]
    assert con.sql(
        "select count(*) from duckdb_views() where not internal and comment is null"
    ).fetchall() == [(0,)]

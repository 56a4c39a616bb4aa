"""A small report's frames built by hand: one article with a wrong figure, hostile cells."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from carryover.analytics import effects as analytics
from carryover.report.changes import FindingChanges
from carryover.report.model import ReportData
from schemas.findings import finding, findings_frame
from tests.analytics_frames import Arm, carryover_of

HOSTILE_SCRIPT = "<script>window.__pwned = 1</script>"
HOSTILE_FORMULA = '=HYPERLINK("http://example.invalid/x","click")'
HOSTILE_IMG = '<img src="http://example.invalid/p.png" onerror="window.__pwned = 2">'

RUN = {
    "run_id": "11111111-aaaa-bbbb-cccc-000000000002",
    "started_at": dt.datetime(2026, 1, 2, 3, 4, 0, tzinfo=dt.UTC),
    "finished_at": dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
    "status": "errors",
    "raw_dir": "/raw",
    "rows_total": 9,
    "rows_loaded": 8,
    "rows_quarantined": 1,
    "errors": 3,
    "warnings": 0,
}
PREVIOUS = {**RUN, "run_id": "11111111-aaaa-bbbb-cccc-000000000001"}


def findings(*, hostile: bool = False) -> pl.DataFrame:
    """Three findings: a wrong figure in an article, a bad cell, a quarantined row."""
    bad = HOSTILE_SCRIPT if hostile else "Front Squat"
    return findings_frame(
        [
            finding(
                "claim_vs_source",
                "claims",
                "articles/demo.md",
                17,
                "demo line 17 says 21.2% for the hip thrust 1RM change of the squat group; "
                "the paper reports 13.3% for this figure (Abstract)",
                "value",
                "21.2",
            ),
            finding(
                "slug_format",
                "exercises",
                "exercises.csv",
                4,
                f"exercise_id is {bad!r}; expected an id",
                "exercise_id",
                bad,
            ),
            finding(
                "number_type",
                "studies",
                "studies.csv",
                5,
                f"year is {HOSTILE_FORMULA if hostile else 'x'!r}",
                "year",
                HOSTILE_FORMULA if hostile else "x",
            ),
        ]
    )


def claim_checks(*, hostile: bool = False) -> pl.DataFrame:
    """Two claims of one article: line 14 supported, line 17 contradicted."""
    study = HOSTILE_IMG if hostile else "Hammond et al. 2019"
    rows: list[dict[str, Any]] = [
        {
            "article_id": "demo",
            "line": line,
            "source_file": "articles/demo.md",
            "source_line": line,
            "study_id": "hammond_2019",
            "study": study,
            "quantity": "change_pct",
            "group_id": "bbs",
            "test_exercise": "hip_thrust",
            "measure": "1RM",
            "claimed": claimed,
            "claimed_lo": claimed - 0.05,
            "claimed_hi": claimed + 0.05,
            "verdict": verdict,
            "source_value": 13.3,
            "source_lo": 13.25,
            "source_hi": 13.35,
            "source_origin": "reported",
            "source_ref": HOSTILE_SCRIPT if hostile else "Abstract",
            "source_row": "outcomes.csv:5",
            "conflicts_with_line": None,
            "conflicts_with_value": None,
            "fix": "the paper reports 13.3% for this figure (Abstract)",
        }
        for line, claimed, verdict in ((14, 13.3, "supported"), (17, 21.2, "contradicted"))
    ]
    return pl.DataFrame(rows)


def quarantine(*, hostile: bool = False) -> pl.DataFrame:
    """One quarantined row with its raw text."""
    raw = f"{HOSTILE_SCRIPT},{HOSTILE_FORMULA}" if hostile else "Front Squat,Front squat,"
    return pl.DataFrame(
        {
            "table_name": ["exercises"],
            "source_file": ["exercises.csv"],
            "source_line": [4],
            "raw": [raw],
            "reasons": ["exercise_id is not a slug"],
        }
    )


def files() -> pl.DataFrame:
    """run_files of the run, without run_id."""
    return pl.DataFrame(
        {
            "table_name": ["exercises", "claims"],
            "source_file": ["exercises.csv", "articles/demo.md"],
            "sha256": ["ab" * 32, "cd" * 32],
            "data_rows": [5, 4],
            "loaded_rows": [4, 4],
            "quarantined_rows": [1, 0],
        }
    )


ARMS = [
    Arm("s1", "sq", "back_squat", "back_squat", pre=100, post=110, pre_sd=10, post_sd=10),
    Arm("s1", "sq", "back_squat", "hip_thrust", pre=100, post=105, pre_sd=12, post_sd=12),
    Arm("s1", "ht", "hip_thrust", "hip_thrust", pre=100, post=120, pre_sd=10, post_sd=11),
    Arm("s1", "ht", "hip_thrust", "back_squat", pre=100, post=104, pre_sd=10, post_sd=10),
    Arm("s2", "sq", "back_squat", "back_squat", pre=80, post=90, pre_sd=8, post_sd=9),
    Arm("s2", "sq", "back_squat", "hip_thrust", pre=90, post=95, pre_sd=9, post_sd=9),
    Arm("s2", "ht", "hip_thrust", "hip_thrust", pre=90, post=110, pre_sd=9, post_sd=9),
    Arm("s2", "ht", "hip_thrust", "back_squat", pre=80, post=82, pre_sd=8, post_sd=8),
]


def report_data(
    *,
    hostile: bool = False,
    changes: FindingChanges | None = None,
    latest: bool = True,
    note: str = "No comparison available: test.",
) -> ReportData:
    """A whole report's frames; analytics with SDs, so that g and its CIs are drawn."""
    rows = carryover_of(ARMS)
    lines = [f"line {i}" for i in range(1, 20)]
    lines[16] = (
        f"The squat group gained 21.2% on the hip thrust. {HOSTILE_SCRIPT}"
        if hostile
        else "The squat group gained 21.2% on the hip thrust."
    )
    return ReportData(
        run=RUN,
        previous_run=PREVIOUS,
        latest=latest,
        findings=findings(hostile=hostile),
        files=files(),
        changes=changes,
        comparison_note="" if changes else note,
        quarantine=quarantine(hostile=hostile) if latest else None,
        claim_checks=claim_checks(hostile=hostile) if latest else None,
        carryover=rows if latest else None,
        carryover_pooled=analytics.pooled(rows) if latest else None,
        exercises=pl.DataFrame({"exercise_id": ["hip_thrust"], "name": ["Barbell hip thrust"]}),
        groups=pl.DataFrame(
            {"study_id": ["hammond_2019"], "group_id": ["bbs"], "label": ["Back squat (BBS)"]}
        ),
        article_lines={"articles/demo.md": lines} if latest else {},
    )


T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def history_warehouse(path: Path, raw: Path, *, fingerprints: bool) -> None:
    """Three runs; the latest has current tables. Findings carry a fingerprint if asked."""
    article = "Title\n\nThe squat group gained 21.2% on the hip thrust.\n"
    (raw / "articles").mkdir(parents=True)
    (raw / "articles" / "demo.md").write_text(article, encoding="utf-8")
    sha = hashlib.sha256(article.encode()).hexdigest()
    con = duckdb.connect(str(path))
    fp = ", fingerprint varchar" if fingerprints else ""
    con.execute(
        "create table runs (run_id varchar, started_at timestamptz, finished_at timestamptz, "
        "status varchar, raw_dir varchar, rows_total bigint, rows_loaded bigint, "
        "rows_quarantined bigint, errors bigint, warnings bigint)"
    )
    con.execute(
        "create table run_files (run_id varchar, table_name varchar, source_file varchar, "
        "sha256 varchar, data_rows bigint, loaded_rows bigint, quarantined_rows bigint)"
    )
    con.execute(
        "create table findings (run_id varchar, severity varchar, rule varchar, "
        "quarantines boolean, table_name varchar, source_file varchar, source_line bigint, "
        f"column_name varchar, value varchar, message varchar{fp})"
    )
    for i, run in enumerate(["run-a", "run-b", "run-c"]):
        con.execute(
            "insert into runs values (?, ?, ?, 'errors', ?, 1, 1, 0, 1, 0)",
            [run, T0 + dt.timedelta(hours=i), T0 + dt.timedelta(hours=i, seconds=5), str(raw)],
        )
        con.execute(
            "insert into run_files values (?, 'claims', 'articles/demo.md', ?, 1, 1, 0)",
            [run, sha],
        )
    rows = [
        ("run-b", 17, "fp-claim"),
        ("run-b", 4, "fp-gone"),
        ("run-c", 18, "fp-claim"),  # the same finding, one line lower
        ("run-c", 9, "fp-new"),
    ]
    for run, line, fingerprint in rows:
        extra = [fingerprint] if fingerprints else []
        marks = ", ?" if fingerprints else ""
        con.execute(
            "insert into findings values (?, 'error', 'claim_vs_source', false, 'claims', "
            f"'articles/demo.md', ?, 'value', '21.2', 'msg'{marks})",
            [run, line, *extra],
        )
    rows = carryover_of(ARMS)
    current = {
        "claim_checks": claim_checks().with_columns(
            pl.lit(3).alias("line"), pl.lit(3).alias("source_line")
        ),
        "carryover": rows,
        "carryover_pooled": analytics.pooled(rows),
    }
    for name, frame in current.items():
        con.register("incoming", frame)
        con.execute(f"create table {name} as select * from incoming")
        con.unregister("incoming")
    con.execute(
        "create table quarantine as select 'run-c' as run_id, 'x' as table_name, "
        "'x.csv' as source_file, 2 as source_line, 'a,b' as raw, 'r' as reasons"
    )
    con.close()

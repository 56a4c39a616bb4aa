"""The 14 outcome checks of the benchmark in Great Expectations 1.24.1 (pandas), tuned.

Runs in a virtual environment of its own (benchmarks/run.py --gx creates it; Great Expectations
is never a dependency of carryover):

    benchmarks/.venv-gx/bin/python benchmarks/gx_check.py RAW_DIR

Reads outcomes.csv, groups.csv and exercises.csv as text (pandas' C reader; rows pandas cannot
read are skipped and counted, bytes that are not UTF-8 replaced), then validates outcomes with
one expectation suite on one in-memory batch. Tuned: the foreign key to groups is matched in
pandas (a merge, then one not-null expectation) rather than as a value set of composite keys, the
numeric figures are converted once with pandas, and results are asked for in the SUMMARY format.

The 14 checks, each a carryover outcomes rule: study_id, group_id, test_exercise, measure and
source are present (5); measure is 1RM..nRM (6); unit is kg or lb (7); test_exercise is a known
exercise (8); the key (study_id, group_id, test_exercise, measure) is unique (9); (study_id,
group_id) is a known group (10); pre_mean and post_mean are numbers (11, 12); pre_sd and post_sd
are at least 0 (13, 14). Exits 1 when any check fails (the planted faults make some fail).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

import great_expectations as gx
import great_expectations.expectations as gxe
import pandas as pd

NUMBER = r"^-?[0-9]+(\.[0-9]+)?$"


def read(path: Path) -> pd.DataFrame:
    """A CSV as text cells; empty cells missing; unreadable lines skipped."""
    return pd.read_csv(
        path,
        dtype=str,
        keep_default_na=False,
        na_values=[""],
        encoding_errors="replace",
        on_bad_lines="skip",
        engine="c",
    )


def main() -> int:
    raw = Path(sys.argv[1])
    outcomes = read(raw / "outcomes.csv")
    groups = read(raw / "groups.csv")
    exercises = read(raw / "exercises.csv")
    known = groups[["study_id", "group_id"]].drop_duplicates().assign(_group_known=True)
    outcomes = outcomes.merge(known, on=["study_id", "group_id"], how="left")
    for column in ("pre_sd", "post_sd"):
        outcomes[f"_{column}"] = pd.to_numeric(outcomes[column], errors="coerce")

    context = gx.get_context(mode="ephemeral")
    batch = (
        context.data_sources.add_pandas("raw")
        .add_dataframe_asset("outcomes")
        .add_batch_definition_whole_dataframe("all")
    )
    suite = context.suites.add(gx.ExpectationSuite(name="outcomes"))
    for column in ("study_id", "group_id", "test_exercise", "measure", "source"):
        suite.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column=column))
    suite.add_expectation(
        gxe.ExpectColumnValuesToMatchRegex(column="measure", regex=r"^[1-9][0-9]*RM$")
    )
    suite.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="unit", value_set=["kg", "lb"]))
    suite.add_expectation(
        gxe.ExpectColumnValuesToBeInSet(
            column="test_exercise", value_set=sorted(exercises["exercise_id"].dropna().unique())
        )
    )
    suite.add_expectation(
        gxe.ExpectCompoundColumnsToBeUnique(
            column_list=["study_id", "group_id", "test_exercise", "measure"]
        )
    )
    suite.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column="_group_known"))
    for column in ("pre_mean", "post_mean"):
        suite.add_expectation(gxe.ExpectColumnValuesToMatchRegex(column=column, regex=NUMBER))
    for column in ("_pre_sd", "_post_sd"):
        suite.add_expectation(gxe.ExpectColumnValuesToBeBetween(column=column, min_value=0))
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name="outcomes", data=batch, suite=suite)
    )
    result = definition.run(batch_parameters={"dataframe": outcomes}, result_format="SUMMARY")
    failed = [r for r in result.results if not r.success]
    print(
        f"{len(outcomes)} rows read, {len(result.results)} checks, {len(failed)} failed: "
        + ", ".join(
            f"{r.expectation_config.type}({r.expectation_config.kwargs.get('column', '')}) "
            f"{r.result.get('unexpected_count')}"
            for r in failed
        )
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""The measure a test other than a lift is read with when the study's data holds none of it.

A lift's test is a repetition maximum the text must name (1RM, 3RM): nothing can stand in for
it. A jump, a sprint or a muscle's size has one natural measure, so "the squat group's
countermovement jump rose 12%" or "gluteus maximus MT rose 9.4% for BS" is a claim even when the
study's data records no such outcome (it is then judged unverifiable, naming the test the data
lacks). The measure is the one the data records the test with in other studies, when that is one
measure; else the usual measure of the test's kind and unit (a muscle in mm is a thickness, in cm²
a cross-sectional area, in cm³ a volume; a jump's is its height).

Pure: the exercises and outcomes tables in, a mapping out.
"""

from __future__ import annotations

import polars as pl

KIND_MEASURES: dict[tuple[str, str | None], str] = {
    ("muscle_size", "mm"): "thickness",
    ("muscle_size", "cm2"): "csa",
    ("muscle_size", "cm3"): "volume",
    ("jump", "cm"): "height",
    ("jump", "m"): "distance",
    ("sprint", "s"): "time",
    ("agility", "s"): "time",
    ("kick", "m"): "distance",
    ("isometric", "N"): "peak_force",
}
"""The usual measure of a test of a kind, by the unit its results are in."""


def default_measures(exercises: pl.DataFrame, outcomes: pl.DataFrame) -> dict[str, str]:
    """Per test that is not a lift: the measure a claim on it is read with when none is known."""
    if "kind" not in exercises.columns:
        return {}
    unit = pl.col("unit") if "unit" in exercises.columns else pl.lit(None, dtype=pl.String)
    recorded: dict[str, set[str]] = {}
    for test, measure in outcomes.select("test_exercise", "measure").iter_rows():
        recorded.setdefault(test, set()).add(measure)
    found: dict[str, str] = {}
    for test, kind, in_unit in exercises.select("exercise_id", "kind", unit).iter_rows():
        if kind in (None, "strength"):
            continue
        measures = recorded.get(test, set())
        if len(measures) == 1:
            found[test] = next(iter(measures))
        elif not measures and (kind, in_unit) in KIND_MEASURES:
            found[test] = KIND_MEASURES[(kind, in_unit)]
    return found


MEASURE_UNITS: dict[str, frozenset[str]] = {
    "csa": frozenset({"cm²", "cm2"}),
    "volume": frozenset({"cm³", "cm3"}),
    "thickness": frozenset({"mm", "cm"}),
    "height": frozenset({"cm"}),
    "distance": frozenset({"cm", "m"}),
    "peak_force": frozenset({"n"}),
}
"""The units (lower case) a difference on a test of that measure may be stated in."""


def plural_free(phrase: str) -> str:
    """The phrase with a plural last word made singular ('gluteal mcsas': 'gluteal mcsa')."""
    return phrase[:-1] if phrase.endswith("s") and not phrase.endswith("ss") else phrase

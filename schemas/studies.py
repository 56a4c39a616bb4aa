"""studies.csv: one row per study (a published paper).

Key: study_id. `citation` starts with the author list ("Hammond A, Perrin C, ..."), which is how
articles name a study ("Hammond et al."). n_randomized is empty where the paper does not report it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import polars as pl

from schemas.columns import Bound, ColumnSpec, Kind
from schemas.keys import duplicate_key_rule, with_first_line
from schemas.table import FrameRule, SchemaPlan, TableSpec, build_plan

SPEC = TableSpec(
    name="studies",
    grain="one row per study",
    columns=(
        ColumnSpec("study_id", Kind.SLUG, required=True, doc="unique id, e.g. hammond_2019"),
        ColumnSpec("citation", Kind.TEXT, required=True, doc="full reference, authors first"),
        ColumnSpec(
            "year", Kind.INTEGER, required=True, minimum=Bound(1900), doc="publication year"
        ),
        ColumnSpec("doi", Kind.DOI, doc="10.NNNN/suffix"),
        ColumnSpec("population", Kind.TEXT, doc="who took part; empty when the sources do not say"),
        ColumnSpec("n_randomized", Kind.INTEGER, minimum=Bound(1), doc="participants randomized"),
        ColumnSpec(
            "duration_weeks",
            Kind.NUMBER,
            minimum=Bound(0, strict=True),
            doc="length of the training intervention in weeks; empty when the sources do not say",
        ),
        ColumnSpec(
            "sessions_per_week", Kind.NUMBER, minimum=Bound(0, strict=True), doc="training days"
        ),
        ColumnSpec("caution", Kind.TEXT, doc="integrity concern readers should know about"),
        ColumnSpec(
            "prepost_r",
            Kind.NUMBER,
            minimum=Bound(-1),
            maximum=Bound(1),
            doc="pre-post correlation of the strength tests, when the paper reports it",
        ),
    ),
    key=("study_id",),
)


def spec_for_year(this_year: int | None = None) -> TableSpec:
    """The studies spec with the year capped at the current (or given) year."""
    year = this_year or dt.date.today().year
    columns = tuple(
        dataclasses.replace(c, maximum=Bound(year)) if c.name == "year" else c for c in SPEC.columns
    )
    return dataclasses.replace(SPEC, columns=columns)


def row_plan(this_year: int | None = None) -> SchemaPlan:
    """Cell, range and uniqueness checks of studies.csv (rows that fail are quarantined)."""
    return build_plan(
        spec_for_year(this_year),
        frame_rules=[duplicate_key_rule(SPEC)],
        prepare=with_first_line(SPEC.key),
    )


GROUPS_N_TOTAL = "_groups_n_total"


def enrolment_plan() -> SchemaPlan:
    """Across tables: a study's groups analyse at most the participants it randomized.

    Validates typed studies joined with the sum of their groups' n (column `_groups_n_total`).
    """
    exceeds = FrameRule(
        name="groups_exceed_randomized",
        rule_id="groups_exceed_randomized",
        column="n_randomized",
        valid=pl.col(GROUPS_N_TOTAL) <= pl.col("n_randomized"),
        message=(
            "the groups of {study_id} in groups.csv analyse {"
            + GROUPS_N_TOTAL
            + "} participants in all, more than n_randomized {n_randomized}"
        ),
    )
    return build_plan(SPEC, columns=[], frame_rules=[exceeds])


def with_groups_total(studies: pl.DataFrame, groups: pl.DataFrame) -> pl.DataFrame:
    """Join each study with the total n of its groups (null where it has none)."""
    totals = groups.group_by("study_id").agg(pl.col("n").sum().alias(GROUPS_N_TOTAL))
    return studies.join(totals, on="study_id", how="left", maintain_order="left")


def first_author(citation: str) -> str | None:
    """The first author's surname of a citation that starts 'Surname AB, ...' (else None)."""
    head = citation.split(",", 1)[0].strip()
    match = re.fullmatch(r"(?P<surname>[^\W\d][\w'\- ]*?)\s+[A-Z]{1,3}", head)
    return match.group("surname") if match else None


def study_names(studies: pl.DataFrame) -> pl.DataFrame:
    """A readable name per study, as articles cite it: 'Hammond et al. 2019' (else its id)."""
    names = [
        f"{author} et al. {year}" if (author := first_author(citation)) else study_id
        for study_id, citation, year in studies.select("study_id", "citation", "year").iter_rows()
    ]
    return studies.select("study_id").with_columns(pl.Series("_study_name", names, pl.String))

"""Key rules shared by every table: uniqueness of the key and references to other tables."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import polars as pl

from schemas.table import FrameRule, TableSpec

FIRST_LINE = "_first_line"
KEY_SEP = "\x1f"


def with_first_line(key: Sequence[str]) -> Callable[[pl.DataFrame], pl.DataFrame]:
    """Add the line where each key value first appears in its file (for duplicate_key).

    Per file: rows of several files may be validated together; repeats across files are found
    when the files are merged (see first_file_rows). A chunk of a big file comes with the first
    line of the keys already seen in the file's earlier chunks in FIRST_LINE: those are kept.
    """

    def prepare(frame: pl.DataFrame) -> pl.DataFrame:
        over = [*key, "source_file"]
        here = pl.col("source_line").first().over(over)
        if FIRST_LINE in frame.columns:
            here = pl.coalesce(pl.col(FIRST_LINE), here)
        return frame.with_columns(here.alias(FIRST_LINE))

    return prepare


def duplicate_key_rule(spec: TableSpec) -> FrameRule:
    """Only the first row with a given key is valid; later ones are duplicates."""
    columns = ", ".join(spec.key)
    values = ", ".join("{" + k + "}" for k in spec.key)
    return FrameRule(
        name="duplicate_key",
        rule_id="duplicate_key",
        column=spec.key[-1],
        valid=pl.col("source_line") == pl.col(FIRST_LINE),
        message=f"key ({columns}) = ({values}) repeats line {{{FIRST_LINE}}}; a key must be unique",
    )


FIRST_FILE = "_first_file"
FIRST_FILE_LINE = "_first_file_line"


def first_file_rows(frame: pl.DataFrame, key: Sequence[str]) -> pl.DataFrame:
    """Where each key value first appears in a table read from several files: file and line.

    The frame is in reading order; a key's first row is the one kept (see duplicate_key_rule).
    """
    return frame.group_by(list(key), maintain_order=True).agg(
        pl.col("source_file").first().alias(FIRST_FILE),
        pl.col("source_line").first().alias(FIRST_FILE_LINE),
    )


def repeat_message(spec: TableSpec, row: Mapping[str, object]) -> str:
    """duplicate_key's wording for a row whose key another file, read before it, already holds."""
    columns = ", ".join(spec.key)
    values = ", ".join(str(row[k]) for k in spec.key)
    return (
        f"key ({columns}) = ({values}) repeats {row[FIRST_FILE]} line {row[FIRST_FILE_LINE]}; "
        "a key must be unique across the table's files"
    )


def composite(columns: Sequence[str]) -> pl.Expr:
    """One text value per row that stands for a multi-column key (for set membership)."""
    return pl.concat_str([pl.col(c) for c in columns], separator=KEY_SEP)


def key_values(frame: pl.DataFrame, columns: Sequence[str]) -> pl.Series:
    """The distinct composite key values present in a frame."""
    return frame.select(composite(columns).alias("k"))["k"].drop_nulls().unique()


def reference_check(columns: Sequence[str], known: pl.Series) -> pl.Expr:
    """True where the row's (possibly composite) key is among the known parent keys.

    Rows with an empty key part pass: emptiness is reported by the `required` rule.
    """
    key = composite(columns)
    return key.is_in(known.implode()) | key.is_null()


VALID_GROUPS = "_valid_groups"
GROUP_FILES = "_group_files"
UNKNOWN_GROUP_MESSAGE = (
    "group {group_id!r} of study {study_id!r} is not a valid group in {_group_files}; "
    "the valid groups of {study_id} are: {_valid_groups}"
)
"""unknown_group's wording: the files the study's groups came from, and its valid group ids."""


def with_group_hints(
    groups: pl.DataFrame | None,
) -> Callable[[pl.DataFrame], pl.DataFrame]:
    """Add, per row, its study's valid group ids and the groups files they came from.

    `groups` holds the clean groups rows (with `source_file` when read from files); a study with
    no valid group gets "none" and the names of every groups file.
    """
    if groups is None:
        groups = pl.DataFrame(schema={"study_id": pl.String, "group_id": pl.String})
    if "source_file" not in groups.columns:
        groups = groups.with_columns(pl.lit("groups.csv").alias("source_file"))
    hints = groups.group_by("study_id").agg(
        pl.col("group_id").unique().sort().str.join(", ").alias(VALID_GROUPS),
        pl.col("source_file").unique().sort().str.join(", ").alias(GROUP_FILES),
    )
    every_file = ", ".join(sorted(set(groups["source_file"].drop_nulls()))) or "groups.csv"

    def prepare(frame: pl.DataFrame) -> pl.DataFrame:
        return frame.join(hints, on="study_id", how="left", maintain_order="left").with_columns(
            pl.col(VALID_GROUPS).fill_null("none"), pl.col(GROUP_FILES).fill_null(every_file)
        )

    return prepare


def study_check(studies: pl.Series) -> tuple[str, pl.Expr, str]:
    """The `unknown_study` check of a table's study_id: one rule wherever it applies."""
    return (
        "unknown_study",
        reference_check(["study_id"], studies),
        "study_id {value!r} is not a valid study in studies.csv",
    )


def unknown_group_rule(groups: pl.Series) -> FrameRule:
    """The `unknown_group` rule of a table keyed by (study_id, group_id), naming the valid groups.

    The table's plan must add the hints of `with_group_hints`, which its message names.
    """
    return FrameRule(
        "unknown_group",
        "unknown_group",
        "group_id",
        reference_check(["study_id", "group_id"], groups),
        UNKNOWN_GROUP_MESSAGE,
    )


def exercise_check(column: str, exercises: pl.Series) -> tuple[str, pl.Expr, str]:
    """The `unknown_exercise` check of a column naming an exercise: one rule wherever it applies."""
    return (
        "unknown_exercise",
        reference_check([column], exercises),
        f"{column} {{value!r}} is not a valid exercise in exercises.csv",
    )

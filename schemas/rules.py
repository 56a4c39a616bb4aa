"""The rule catalogue: every finding carryover can raise, with its stable id and consequences.

A rule id is stable: reports, the `findings` table and users' SQL key on it. Severity says whether
the run fails (error: exit code 1) or only warns; `quarantines` says whether a row that breaks it is
kept out of its clean table (structural, type, range and key rules) or loaded all the same
(consistency rules, which judge a row that is well-formed but disagrees with itself or others).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    """One validation rule."""

    id: str
    severity: Severity
    quarantines: bool
    summary: str


_CATALOGUE = [
    # Files and their structure (found while extracting).
    Rule("file_missing", "error", False, "A required raw file is absent."),
    Rule(
        "file_unreadable",
        "error",
        False,
        "The file cannot be read (permissions; a pipe, link loop or device, not a file).",
    ),
    Rule("file_empty", "error", False, "The file has no header row."),
    Rule("column_missing", "error", True, "A required column is absent: every row is quarantined."),
    Rule(
        "column_duplicate", "error", True, "A column name appears twice: every row is quarantined."
    ),
    Rule("column_unknown", "warning", False, "A column the contract does not know; it is ignored."),
    Rule(
        "file_not_csv", "error", False, "The file is binary (a PDF, zip, image...), not CSV text."
    ),
    Rule("file_outside_raw", "error", False, "A link leads outside the raw directory; not read."),
    Rule(
        "file_name_encoding",
        "warning",
        False,
        "The file name is not UTF-8; it is read, and shown with escapes.",
    ),
    Rule("file_not_text", "error", False, "An article is binary (a PDF, image...), not text."),
    Rule(
        "article_unreadable",
        "error",
        False,
        "Reading one article failed unexpectedly; its claims are not read, the others are.",
    ),
    Rule("file_delimiter", "warning", False, "Fields are separated by ';'; the file is read so."),
    Rule(
        "file_line_ends",
        "warning",
        False,
        "Lines end with NEL or a Unicode line separator; the file is read so.",
    ),
    Rule(
        "file_trailing_separator",
        "warning",
        False,
        "The header ends with a separator (an unnamed empty column); it is ignored.",
    ),
    Rule("value_normalised", "warning", False, "A cell was read as missing ('NA') or without '%'."),
    Rule("row_ragged", "error", True, "A row has more or fewer fields than the header."),
    Rule("row_quoting", "error", True, "A quote is never closed, or quoting is malformed."),
    Rule("row_encoding", "error", True, "The row has bytes that are not UTF-8."),
    Rule("row_nul_byte", "error", True, "The row contains a NUL byte."),
    # Cells (type, format and range of one value).
    Rule("required", "error", True, "A required value is empty."),
    Rule("slug_format", "error", True, "An id is not a slug: lower-case letters, digits, '_'."),
    Rule("integer_type", "error", True, "The value is not a whole number."),
    Rule("number_type", "error", True, "The value is not a number."),
    Rule("out_of_range", "error", True, "The number is outside its allowed range."),
    Rule(
        "measure_format",
        "error",
        True,
        "The measure is not an nRM test (1RM, 3RM) or a named measure (height, time, ...).",
    ),
    Rule("unit_value", "error", True, "The unit is not one the contract knows (kg, cm, s, N...)."),
    Rule("value_not_allowed", "error", True, "The value is not one of the column's choices."),
    Rule("flag_value", "error", True, "A yes/no column holds something else."),
    Rule("doi_format", "error", True, "The DOI does not look like 10.NNNN/suffix."),
    Rule("aliases_format", "error", True, "Aliases are not ';'-separated lower-case phrases."),
    Rule("quantity_value", "error", True, "The claimed quantity is not one the contract knows."),
    # Rows and keys.
    Rule("duplicate_key", "error", True, "The row repeats the key of an earlier row."),
    Rule("unknown_study", "error", True, "The study_id matches no valid study."),
    Rule("unknown_group", "error", True, "The (study_id, group_id) matches no valid group."),
    Rule("unknown_exercise", "error", True, "The exercise matches no valid exercise."),
    Rule(
        "outcome_no_figures", "error", True, "An outcome gives neither change_pct nor pre and post."
    ),
    Rule(
        "unit_required", "error", True, "Figures in a unit (means, SDs, change_abs) lack the unit."
    ),
    Rule("sd_without_mean", "error", True, "An SD is given without the mean it belongs to."),
    Rule(
        "claim_incomplete",
        "error",
        True,
        "A change or contrast claim lacks its group, exercise or measure.",
    ),
    Rule("same_group", "error", True, "A contrast compares a group with itself."),
    Rule(
        "favoured_not_compared",
        "error",
        True,
        "A contrast's favoured group is neither of the two groups it compares.",
    ),
    Rule(
        "contrast_no_result",
        "error",
        True,
        "A contrast gives no estimate, p, favoured group or verbal inference.",
    ),
    Rule("ci_incomplete", "error", True, "A confidence interval has only one end."),
    Rule("ci_order", "error", True, "A confidence interval's lower end is above its upper end."),
    Rule("statistic_df", "error", True, "A test statistic has degrees of freedom it cannot have."),
    Rule("statistic_tails", "error", True, "A one-tailed p is given for an F or chi2 test."),
    Rule(
        "claim_unresolved",
        "warning",
        False,
        "An article names a group or exercise that fits nothing.",
    ),
    Rule(
        "study_not_in_data",
        "warning",
        False,
        "An article names a study (author et al., DOI) that is not in studies.csv, or two studies "
        "its cues cannot tell apart.",
    ),
    Rule(
        "number_unread",
        "warning",
        False,
        "A number in a passage about a study that the reader could not interpret.",
    ),
    # Consistency (well-formed rows that disagree; loaded all the same).
    Rule(
        "figures_disagree",
        "error",
        False,
        "Reported figures contradict each other beyond rounding.",
    ),
    Rule(
        "groups_exceed_randomized",
        "error",
        False,
        "A study's groups add up to more than it randomized.",
    ),
    Rule(
        "analysed_exceeds_randomized",
        "error",
        False,
        "A group analyses more participants than it randomized.",
    ),
    Rule(
        "groups_randomized_mismatch",
        "error",
        False,
        "A study's groups' n_randomized do not add up to the study's n_randomized.",
    ),
    Rule(
        "contrast_ci_excludes_estimate",
        "error",
        False,
        "A between-group estimate lies outside its own confidence interval.",
    ),
    Rule(
        "contrast_se_disagrees",
        "error",
        False,
        "A symmetric confidence interval is not the estimate ± z·SE, within rounding.",
    ),
    Rule(
        "contrast_favoured_disagrees",
        "error",
        False,
        "The favoured group contradicts the sign of the estimate (mind lower_is_better).",
    ),
    Rule(
        "contrast_vs_changes",
        "error",
        False,
        "A between-group difference disagrees with the two groups' reported changes.",
    ),
    Rule(
        "p_inconsistent",
        "error",
        False,
        "A printed p is outside what its test statistic implies, over the rounding.",
    ),
    Rule(
        "decision_error",
        "error",
        False,
        "The printed p and the one its statistic implies fall on two sides of 0.05.",
    ),
    Rule(
        "statistic_incomplete",
        "warning",
        False,
        "A test statistic lacks its p or degrees of freedom: it cannot be rechecked.",
    ),
    Rule(
        "study_caution",
        "warning",
        False,
        "The study carries a caution: its figures, claims and pooled rows are flagged.",
    ),
    # Claims judged against each other and the studies (a false claim stays loaded).
    Rule("claim_conflict", "error", False, "Two claims of one article give one figure two values."),
    Rule("claim_vs_source", "error", False, "A claim disagrees with the study beyond rounding."),
    Rule(
        "claim_exercise_not_tested", "error", False, "The study has no results for that exercise."
    ),
    Rule(
        "claim_measure_not_tested", "error", False, "The study did not test the exercise that way."
    ),
    Rule("claim_unverifiable", "warning", False, "The study has no figure to confirm the claim."),
]

RULES: dict[str, Rule] = {rule.id: rule for rule in _CATALOGUE}


def rule(rule_id: str) -> Rule:
    """Return the rule with this id (KeyError names an unknown id)."""
    return RULES[rule_id]

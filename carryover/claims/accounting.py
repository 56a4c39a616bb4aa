"""Every number of an article gets exactly one disposition: claim, not a claim (why), or unread.

- **claim**: the reader turned it into a claim row (matched by line and value);
- **non_claim**, with a reason read from the words around it: a citation year, volume/issue/pages,
  a ratio between two figures already read ("about half of what the other group gained"),
  a date, a time of day, a price or discount, a rating or vote count, a figure or table number, a
  line, heading or list number, a reference marker, a training load, a programme week, a set/rep
  scheme, a rest interval, a number inside a test's name ("20-m sprint"), the count of compared
  arms ("the two groups"), a number outside any passage about a study, or a small count in a
  sentence about training in general (carryover.claims.general) (`other_study_general`);
- **unread**: a number in a passage about a study that is neither: the reader could not interpret
  it, and the editor is told where (line and column) with the words around it.

Pure: the article's lines, the reader's claims and the lines read about a study in; rows out.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import polars as pl

from carryover.claims.arms import arms_reason
from carryover.claims.design_reasons import design_reason
from carryover.claims.facts import SPREADS
from carryover.claims.general import general_reason
from carryover.claims.group_labels import group_label_reason
from carryover.claims.linking import DESCRIBING, PEOPLE
from carryover.claims.nonclaims import LineReasons, word_reason
from carryover.claims.numbers import Number, numbers
from carryover.claims.schemes import scheme_reason
from carryover.claims.single_counts import single_count_reason
from carryover.claims.window import Window

CLAIM = "claim"
NON_CLAIM = "non_claim"
UNREAD = "unread"
STUDY_AMBIGUOUS = "study_ambiguous"
"""Why a number is unread when its passage describes a study several studies fit equally."""
DISPOSITIONS = (CLAIM, NON_CLAIM, UNREAD)

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_RM = r"(?:\d{1,2}\s?-?\s?RM|one[\s-]rep(?:etition)?[\s-]max(?:imum)?|1\s?rep\s?max)"
_AFTER: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("rating_or_votes", re.compile(
        r"^\s*(?:votes?|ratings?|reviews?|likes?|comments?|replies|shares|stars?|views|upvotes?"
        r"|points|helpful)\b", re.I)),
    ("price_or_discount", re.compile(r"^\s*(?:off\b|discount|savings?\b)", re.I)),
    ("price_or_discount", re.compile(r"^[\s-]*(?:day|week|month)s?[\s-]+(?:free\s+)?trial", re.I)),
    ("time_of_day", re.compile(r"^\s*(?:am|pm|a\.m\.|p\.m\.)\b|^:\d\d\b", re.I)),
    ("training_load", re.compile(
        rf"^\s*(?:of\s+(?:their\s+|the\s+|your\s+|each\s+|one's\s+)?(?:\w+\s+){{0,2}}?)?"
        rf"{_RM}", re.I)),
    ("set_rep_scheme", re.compile(
        r"^\s*(?:x\s*\d|\u00d7\s*\d|(?:\w+\s+)?(?:sets?|reps?|repetitions?)\b)", re.I)),
    ("rest_interval", re.compile(
        r"^[\s-]*(?:minutes?|mins?|seconds?|secs?)\b(?:\s+(?:of\s+)?rest|[^.]{0,30}\brest"
        r"|\s+between\s+(?:sets|reps|exercises))", re.I)),
    ("other", re.compile(r"^[\s-]*(?:\d+[\s-]+)*(?:(?:m|meters?|metres?|yards?|yd)\b[\s-]*)?"
                         r"(?:sprints?|dash|run|shuttle)\b"
                         r"|^°|^\s*and\s+\d+-?m\b", re.I)),
    ("other", re.compile(
        r"^\s*(?:groups|exercises|movements|lifts|arms|conditions|variations|programs|"
        r"programmes|protocols|studies|training groups|different)\b", re.I)),
)  # fmt: skip
_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("price_or_discount", re.compile(r"[$€£]\s?$|\b(?:code|save|discount)\s+\S*$", re.I)),
    ("figure_or_table_number", re.compile(r"\b(?:figure|fig\.|table|chart|graph)\s*$", re.I)),
    ("line_number", re.compile(r"\blines?\s*$", re.I)),
    ("other", re.compile(r"\b(?:sprints?|dash|shuttle)[\s-]*$", re.I)),
    ("other", re.compile(r"\b(?:sprints?|dash|shuttle)[\s-]*(?:\d+[\s-]*)*$", re.I)),
    ("programme_week", re.compile(
        r"\b(?:in|on|during|from|by|of|until|at|after|before|between|through)\s+weeks?\s+(?:\d+\s*(?:,|and|to|-|\u2013)\s*)*$"
        r"|^weeks?\s+$|\(\s*weeks?\s+$", re.I)),
    ("training_load", re.compile(r"\b(?:at|with|using|lifting|lifted|load of)\s+[~≈]?$", re.I)),
    ("date", re.compile(rf"\b{_MONTH}\s+(?:\d{{1,2}},?\s+)?$")),
    ("set_rep_scheme", re.compile(r"\b(?:sets?|reps?)\s+of\s+$", re.I)),
    ("rest_interval", re.compile(r"\brest(?:ed|ing)?\s+(?:for\s+)?$", re.I)),
)  # fmt: skip
_RELATIVE = re.compile(
    r"^\s+(?:of\s+what|as\s+(?:much|many|large|big)|of\s+(?:that|those)\s+(?:of|in)|the\s+"
    r"(?:gain|size|change|increase|improvement)s?\s+(?:of|in|seen))",
    re.I,
)
_REFERENCE = re.compile(r"^[(\[]\s*\d{1,3}(?:\s*[,\u2013-]\s*\d{1,3})*\s*[)\]]$")


@dataclass(frozen=True)
class Disposed:
    """One number of an article and its disposition."""

    line: int
    column: int
    text: str
    disposition: str
    reason: str
    claim: int | None = None
    value: float | None = None
    """The claim row (its position among the article's claims) for a claim."""


_REASON_WINDOW = 200
"""Characters looked at on either side of a number for why it is not a claim."""


def non_claim_reason(line: str, number: Number) -> str | None:
    """Why a number is not a claim, from its own form and the words around it; None if none."""
    start, end = number.column - 1, number.end - 1
    # bounded windows, so that a line of many numbers is read in linear time; a number this far
    # into a line is no heading or list number, which the windows could not tell
    before = line[max(0, start - _REASON_WINDOW) : start]
    after = line[end : end + _REASON_WINDOW]
    by_kind = {
        "citation": "citation_volume_issue_pages",
        "date": "date",
        "scheme": "set_rep_scheme",
        "name": "other",
        "identifier": "doi_or_id",
        "list": "list_number",
    }
    if number.kind in by_kind:
        return by_kind[number.kind]
    at_line_start = start <= _REASON_WINDOW
    if at_line_start and re.match(r"^\s*#{1,6}\s+$", before):
        return "heading_number"
    if at_line_start and re.match(r"^\s*$", before) and re.match(r"^[.)]\s", after):
        return "list_number"
    if _REFERENCE.match((before[-1:] + number.text + after[:1]).strip()) or (
        re.search(r"[(\[]\s*(?:\d{1,3}\s*,\s*)*$", before)
        and re.match(r"^\s*(?:,\s*\d{1,3}\s*)*[)\]]", after)
        and number.value is not None
        and number.value < 100
        and number.text.isdigit()
    ):
        return "other"  # a reference marker
    if re.search(r"[a-z]\.$|[a-z]$", before) and number.text.isdigit() and not after.strip()[:1]:
        return "other"  # a reference marker after the last word of a sentence
    if (
        number.text.isdigit()
        and 1900 <= int(number.text) <= 2099
        and not re.match(r"^\s*(?:%|percent|kg|lbs?|pounds|people|participants|m\b)", after)
    ):
        return (
            "date" if re.search(rf"\b{_MONTH}\s+(?:\d{{1,2}},?\s+)?$", before) else "citation_year"
        )
    if number.kind == "word" and _RELATIVE.match(after):
        return "relative_to_another_figure"  # "about half of what the other group gained"
    for reason, pattern in _AFTER:
        if pattern.search(after):
            return reason
    for reason, pattern in _BEFORE:
        if pattern.search(before):
            return reason
    if (
        number.kind == "word"
        and number.value == 2
        and re.match(r"^\s+(?:\w+\s+)?(?:groups|exercises|lifts|movements)\b", after, re.I)
    ):
        return "other"
    return (
        scheme_reason(after, before)
        or arms_reason(before, after)
        or word_reason(line, number)
        or single_count_reason(number, after)
        or group_label_reason(number, before, after)
        or design_reason(number, before, after)
    )


def dispose(
    lines: Sequence[str],
    claims: Iterable[tuple[int, str] | tuple[int, str, str] | tuple[int, str, str, bool]],
    study_lines: Iterable[int],
    unread_reasons: Mapping[int, str] | None = None,
) -> list[Disposed]:
    """One disposition for every number of an article (lines numbered from 1).

    `claims` are the reader's claims as (line, value[, quantity[, stated as a bound]]), in
    order; `study_lines` the lines read in a passage about a study; `unread_reasons` why a
    line's unread numbers are unread when it is not that they were not interpreted
    (STUDY_AMBIGUOUS). Line 1 is read too; an HTML comment (like a source note) is masked by the
    number finder.
    """
    per_line: dict[int, list[tuple[int, str, str, bool]]] = {}
    for k, claim in enumerate(claims):
        quantity = claim[2] if len(claim) > 2 else ""
        bounded = bool(claim[3]) if len(claim) > 3 else False
        per_line.setdefault(claim[0], []).append((k, claim[1], quantity, bounded))
    about_study = set(study_lines)
    out: list[Disposed] = []
    for line_no, text in enumerate(lines, start=1):
        found = numbers(text, lines[line_no] if line_no < len(lines) else "")
        if not found:
            continue
        waiting = list(per_line.get(line_no, []))
        owner: dict[int, int] = {}
        window, wider = Window(text), None
        places = _Places(found)
        furniture = LineReasons(lines, line_no, found)
        for k, value, quantity, bounded in waiting:
            target = _match(places, text, value, quantity, owner, bounded)
            if target is not None:
                owner[target] = k
        for i, number in enumerate(found):
            if i in owner:
                out.append(
                    Disposed(line_no, number.column, number.text, CLAIM, "", owner[i], number.value)
                )
                continue
            # the words after a number may wrap onto the next line ("40-yard" / "dash")
            reason = non_claim_reason(*window.around(number))
            if reason is None:
                if wider is None:  # the line with two lines either side, joined once per line
                    wider = _with_neighbours(lines, line_no)
                reason = non_claim_reason(
                    *wider[0].around(replace(number, column=number.column + wider[1]))
                )
            if reason is None:
                reason = furniture.reason(number)
            if reason is None and line_no in about_study:
                reason = general_reason(text, number)  # 'one of the best exercises'
            if reason is not None:
                out.append(
                    Disposed(
                        line_no, number.column, number.text, NON_CLAIM, reason, None, number.value
                    )
                )
            elif line_no in about_study:
                out.append(
                    Disposed(
                        line_no,
                        number.column,
                        number.text,
                        UNREAD,
                        (unread_reasons or {}).get(line_no, "not_interpreted"),
                        None,
                        number.value,
                    )
                )
            else:
                out.append(
                    Disposed(
                        line_no,
                        number.column,
                        number.text,
                        NON_CLAIM,
                        "other_study_general",
                        None,
                        number.value,
                    )
                )
    return out


def _with_neighbours(lines: Sequence[str], line_no: int) -> tuple[Window, int]:
    """Line `line_no` joined with the two lines before and after it, and where it starts there."""
    following = " ".join(lines[line_no : line_no + 3])
    earlier = " ".join(lines[max(0, line_no - 3) : line_no - 1])
    return Window(f"{earlier} {lines[line_no - 1]} {following}"), len(earlier) + 1


_FITS = {
    "duration_weeks": re.compile(r"[\s-]*weeks?\b", re.I),
    "sessions_per_week": re.compile(r"[\s-]*(?:(?:[a-z-]+\s+){0,2}?"
                                    r"(?:x|times|sessions?|days?|workouts?))?[\s/-]*"
                                    r"(?:(?:per|a|each)[\s-]+)?week", re.I),
    "n": re.compile(rf"\s+(?:{DESCRIBING},?\s+){{0,4}}?{PEOPLE}\b", re.I),
    "contrast_ratio": re.compile(r"\s+(?:times\b|as\s)", re.I),  # 'twice as', 'two times'
}  # fmt: skip


class _Places:
    """A line's numbers indexed for matching claims: by value, and the intervals among them.

    Each claim looks only at the numbers of its value and at the intervals that hold it, split
    by how well they fit the claim (see `best`), so a line of thousands of numbers is matched in
    about linear time.
    """

    def __init__(self, found: list[Number]) -> None:
        self.found = found
        self.by_value: dict[float, deque[int]] = {}
        self.intervals: dict[tuple[float, float], deque[int]] = {}
        """The intervals by their bounds (a line repeats few): each's numbers in line order."""
        self.holding: dict[float, list[tuple[tuple[float, float], deque[int]]]] = {}
        """The intervals that hold a value, for each value looked for."""
        self.parts: dict[tuple[str, Any], dict[tuple[bool, bool], deque[int]]] = {}
        self.fractions: dict[float, deque[int]] = {}
        """'half', 'quarter' by the percent they state (25 for a quarter), in line order."""
        for i, number in enumerate(found):
            if number.value is None:
                continue
            self.by_value.setdefault(round(abs(number.value), 9), deque()).append(i)
            if is_fraction_word(number.kind, number.text, number.value):
                self.fractions.setdefault(round(number.value * 100, 9), deque()).append(i)
            if (
                number.lo is not None
                and number.hi is not None
                and number.kind in ("figure", "ci")
                and number.lo != number.hi
            ):
                self.intervals.setdefault((number.lo, number.hi), deque()).append(i)

    def _parts(
        self, quantity: str, fits: Callable[[Number], bool], key: Any, same: deque[int]
    ) -> dict[tuple[bool, bool], deque[int]]:
        """Numbers split by (fit the quantity's words, unbounded), in line order; built once."""
        parts = self.parts.get((quantity, key))
        if parts is None:
            parts = {}
            for i in same:
                number = self.found[i]
                unbounded = number.lo == float("-inf") or number.hi == float("inf")
                parts.setdefault((fits(number), unbounded), deque()).append(i)
            self.parts[(quantity, key)] = parts
        return parts

    def best(
        self,
        wanted: float,
        quantity: str,
        fits: Callable[[Number], bool],
        owner: dict[int, int],
        bounded: bool = False,
    ) -> int | None:
        """The first number not yet owned of the best rank for the claim (see `_match`).

        The rank is (its words do not fit, it is not the value itself, it is unbounded),
        lower first; the first on the line among equals. A claim stated as a bound
        (`bounded`: '>3 years') takes an unbounded number first, the '>3' that states it,
        not a plain 3. Owned numbers are dropped as they are passed. For a percent change, a
        fraction in words ('a quarter': 25) is the value itself.
        """
        key = round(abs(wanted), 9)
        holding = self.holding.get(wanted)
        if holding is None:
            holding = [(b, q) for b, q in self.intervals.items() if b[0] <= wanted <= b[1]]
            self.holding[wanted] = holding
        sources: list[tuple[bool, Any, deque[int]]] = [(False, b, q) for b, q in holding]
        if key in self.by_value:
            sources.append((True, ("value", key), self.by_value[key]))
        if quantity == "change_pct" and key in self.fractions:
            sources.append((True, ("fraction", key), self.fractions[key]))
        best: tuple[tuple[bool, bool, bool], int] | None = None
        for exact, source, same in sources:
            for (fit, unbounded), part in self._parts(quantity, fits, source, same).items():
                while part and part[0] in owner:
                    part.popleft()
                rank = (not fit, not exact, unbounded != bounded)
                if part and (best is None or (rank, part[0]) < best):
                    best = (rank, part[0])
        return best[1] if best else None


def _match(
    places: _Places,
    line: str,
    value: str,
    quantity: str,
    owner: dict[int, int],
    bounded: bool = False,
) -> int | None:
    """The number not yet owned whose value is the claim's value (or whose interval holds it).

    One whose words fit the claim's quantity ('12 weeks' for a duration, '12%' for a change) is
    preferred, then one whose value is the claim's, then a bounded interval; the first on the
    line among equals ('166.0 ± 5.1' before '≥ 70%' for 166).
    """
    if quantity in SPREADS:
        return None  # an SD belongs to the number of its mean ('26.4 ± 1.32'), claimed by it
    try:
        wanted = float(value)
    except ValueError:
        return None
    pattern = _FITS.get("n" if quantity in ("n_analysed", "n_recruited") else quantity)

    def fits(number: Number) -> bool:
        if quantity == "change_pct":
            return (
                "%" in number.text
                or "percent" in line[number.end - 1 : number.end + 9]
                or is_fraction_word(number.kind, number.text, number.value)
            )
        if quantity in ("n", "n_analysed", "n_recruited") and number.kind == "n":
            return False  # "(n = 12)" is a group's size, not the total
        return bool(pattern and pattern.match(line, number.end - 1))

    return places.best(wanted, quantity, fits, owner, bounded)


def is_fraction_word(kind: str, text: str, value: float | None) -> bool:
    """'half', 'quarter': a number word below one, which a change states as a percent."""
    return kind == "word" and value is not None and 0 < value < 1 and text.isalpha()


def _as_percent(numbers: pl.DataFrame) -> pl.Expr:
    """A number's value as its claim states it: a change of 'a quarter' is 25 (%)."""
    value = pl.col("value").abs()
    if "quantity" not in numbers.columns:
        return value
    fraction = (
        (pl.col("quantity") == "change_pct")
        & (value > 0)
        & (value < 1)
        & pl.col("text").str.contains(r"^[A-Za-z]+$")
    )
    return pl.when(fraction).then(value * 100).otherwise(value)


def words_around(line: str, column: int, text: str, width: int = 40) -> str:
    """The words around a number, for a message: '... trained <12> weeks ...'."""
    start = column - 1
    left = line[max(0, start - width) : start]
    if start - width > 0 and " " in left:
        left = left[left.index(" ") + 1 :]  # no word cut in half
    right = line[start + len(text) : start + len(text) + width]
    if start + len(text) + width < len(line) and " " in right:
        right = right[: right.rindex(" ")]
    return f"{left}{text}{right}".strip()


ARTICLE_NUMBERS = "article_numbers"


def article_numbers(sources: Iterable[Any]) -> dict[str, pl.DataFrame]:
    """The numbers of every article read (Extracted with a numbers frame), as one table."""
    frames = [s.numbers for s in sources if getattr(s, "numbers", None) is not None]
    return {ARTICLE_NUMBERS: pl.concat(frames) if frames else pl.DataFrame(schema=NUMBERS_SCHEMA)}


NUMBERS_SCHEMA = {
    "article_id": pl.String(),
    "source_file": pl.String(),
    "line": pl.Int64(),
    "column": pl.Int64(),
    "text": pl.String(),
    "value": pl.Float64(),
    "disposition": pl.String(),
    "reason": pl.String(),
    "study_id": pl.String(),
    "quantity": pl.String(),
    "group_id": pl.String(),
    "resolved_by": pl.String(),
}


def numbers_frame(
    article_id: str,
    source_file: str,
    disposed: Sequence[Disposed],
    claims: Sequence[Mapping[str, Any]],
    claim_cues: Sequence[str],
) -> pl.DataFrame:
    """An article's numbers as a frame (see NUMBERS_SCHEMA); claims name their study and cues."""
    rows = [
        {
            "article_id": article_id,
            "source_file": source_file,
            "line": d.line,
            "column": d.column,
            "text": d.text,
            "value": d.value,
            "disposition": d.disposition,
            "reason": d.reason or None,
            "study_id": claims[d.claim]["study_id"] if d.claim is not None else None,
            "quantity": claims[d.claim]["quantity"] if d.claim is not None else None,
            "group_id": claims[d.claim]["group_id"] if d.claim is not None else None,
            "resolved_by": claim_cues[d.claim] or None if d.claim is not None else None,
        }
        for d in disposed
    ]
    return pl.DataFrame(rows, schema=NUMBERS_SCHEMA, orient="row")


VERDICT_RULES = (
    "claim_vs_source",
    "claim_conflict",
    "claim_exercise_not_tested",
    "claim_measure_not_tested",
)
"""The error findings that restate a claim's wrong verdict."""
WRONG_VERDICTS = ("contradicted", "conflicting", "exercise not tested", "measure not tested")
_RANK = {"supported": 0, "unverifiable": 1, **{v: 2 for v in WRONG_VERDICTS}}


def _claimed_middle(checks: pl.DataFrame) -> pl.Expr:
    """A claim's figure as its number's value: the middle of a stated range ('8-11 %': 9.5)."""
    value = pl.col("claimed").cast(pl.Float64, strict=False)
    if "claimed_to" not in checks.columns:
        return value
    to = pl.col("claimed_to").cast(pl.Float64, strict=False)
    return pl.when(to.is_null()).then(value).otherwise((value + to) / 2)


def with_verdicts(numbers: pl.DataFrame, checks: pl.DataFrame) -> pl.DataFrame:
    """The article numbers with the verdict of their claims.

    A number that states several claims ("each group had 12") takes the worst verdict; numbers
    that are not claims have none. A number takes only the verdicts of claims of its own quantity:
    on "22 women for 12 weeks; 12 of them were assigned to the hip thrust group", a wrong group
    size of 12 does not make the 12 weeks wrong. A stated SD ('26.4 ± 1.32 years') is a claim of
    its own, found by the spread in the number's text: a wrong SD makes the number wrong.
    """
    numbers = _number_keys(numbers)
    key = ["source_file", "line", "_v"]
    if "quantity" in numbers.columns and "quantity" in checks.columns:
        key.append("quantity")
    ranked = _claim_keys(checks).with_columns(
        pl.col("verdict").replace_strict(_RANK, default=1).alias("_rank")
    )

    def worst(rows: pl.DataFrame, on: list[str], name: str) -> pl.DataFrame:
        return (
            rows.sort("_rank", descending=True)
            .group_by(on, maintain_order=True)
            .agg(pl.col("verdict").first(), pl.col("_rank").first())
            .rename({"verdict": f"_verdict{name}", "_rank": f"_rank{name}"})
        )

    own = worst(ranked.filter(~pl.col("_is_sd")), key, "_v")
    spread = worst(
        ranked.filter(pl.col("_is_sd")).rename({"_v": "_sd"}),
        ["source_file", "line", "_sd"],
        "_sd",
    )
    joined = numbers.join(own, on=key, how="left", nulls_equal=True).join(
        spread, on=["source_file", "line", "_sd"], how="left"
    )
    if "group_id" in numbers.columns and "group_id" in checks.columns:
        joined = _each_its_group(
            joined, worst(ranked.filter(~pl.col("_is_sd")), [*key, "group_id"], "_g"), key
        )
    verdict = (
        pl.when(pl.col("_rank_sd").fill_null(-1) > pl.col("_rank_v").fill_null(-1))
        .then(pl.col("_verdict_sd"))
        .otherwise(pl.col("_verdict_v"))
    )
    return joined.with_columns(
        pl.when(pl.col("disposition") == CLAIM).then(verdict).alias("verdict")
    ).drop("_v", "_sd", "_verdict_v", "_rank_v", "_verdict_sd", "_rank_sd")


def _number_keys(numbers: pl.DataFrame) -> pl.DataFrame:
    """Numbers with the keys claims meet them on: the value as claimed, a stated spread."""
    return numbers.with_columns(
        _as_percent(numbers).alias("_v"),
        pl.col("text").str.extract(_SPREAD_TEXT, 1).cast(pl.Float64, strict=False).alias("_sd"),
    )


def _claim_keys(checks: pl.DataFrame) -> pl.DataFrame:
    """Claim checks with the keys numbers meet them on: line, figure, and whether it is an SD."""
    return checks.with_columns(
        pl.col("source_line").cast(pl.Int64).alias("line"),
        _claimed_middle(checks).abs().alias("_v"),
        (
            pl.col("quantity").is_in(SPREADS) if "quantity" in checks.columns else pl.lit(False)
        ).alias("_is_sd"),
    )


def uncarried_wrong(numbers: pl.DataFrame, checks: pl.DataFrame) -> pl.DataFrame:
    """Claims judged wrong that no claim number of the article carries: their line and figure.

    The same keys as `with_verdicts` (the middle of a range, a fraction as a percent, a stated
    SD by the spread in its number's text): a wrong claim matched by none was read from part of
    a number, so the editor sees an error the number accounting does not show. The corpus
    benchmark counts each as a false error.
    """
    out_schema = {"line": pl.Int64(), "claimed": pl.Float64()}
    wrong = checks.filter(pl.col("verdict").is_in(list(WRONG_VERDICTS)))
    if wrong.is_empty():
        return pl.DataFrame(schema=out_schema)
    claims = _number_keys(numbers.filter(pl.col("disposition") == CLAIM))
    wrong = _claim_keys(wrong)
    key = ["source_file", "line", "_v"]
    if "quantity" in claims.columns and "quantity" in wrong.columns:
        key.append("quantity")
    own = wrong.filter(~pl.col("_is_sd")).join(
        claims.select(key).unique(), on=key, how="anti", nulls_equal=True
    )
    sd_key = ["source_file", "line", "_sd"]
    spread = wrong.filter(pl.col("_is_sd")).join(
        claims.select(sd_key).unique().rename({"_sd": "_v"}),
        on=["source_file", "line", "_v"],
        how="anti",
    )
    return pl.concat([own, spread]).select("line", pl.col("claimed").cast(pl.Float64, strict=False))


def _each_its_group(joined: pl.DataFrame, by_group: pl.DataFrame, key: list[str]) -> pl.DataFrame:
    """Where one line holds the same figure for two groups, each number takes its group's verdict.

    'a back squat group (12 women) and a hip thrust group (12 women)': when the data has 12 in
    one group and 10 in the other, only the hip thrust 12 is wrong. A number that states one
    figure for several groups ('each group had 12') keeps the worst verdict of them all.
    """
    claims = pl.col("disposition") == CLAIM
    groups = pl.when(claims).then(pl.col("group_id")).n_unique().over(key)
    twins = claims & pl.col("group_id").is_not_null() & (groups > 1)
    joined = joined.join(by_group, on=[*key, "group_id"], how="left", nulls_equal=True)
    own = twins & pl.col("_verdict_g").is_not_null()
    return joined.with_columns(
        pl.when(own).then(pl.col("_verdict_g")).otherwise(pl.col("_verdict_v")).alias("_verdict_v"),
        pl.when(own).then(pl.col("_rank_g")).otherwise(pl.col("_rank_v")).alias("_rank_v"),
    ).drop("_verdict_g", "_rank_g")


_SPREAD_TEXT = r"(?:±|\+/-|\+/\u2212)\s?(\d+(?:\.\d+)?)"


def with_resolved_by(checks: pl.DataFrame, numbers: pl.DataFrame | None) -> pl.DataFrame:
    """The claim verdicts with the cues that linked each article claim to its study."""
    if numbers is None:
        return checks.with_columns(pl.lit(None, dtype=pl.String).alias("resolved_by"))
    cues = (
        numbers.filter(pl.col("resolved_by").is_not_null())
        .select(
            "source_file",
            pl.col("line").alias("source_line"),
            pl.col("value").abs().alias("_v"),
            "resolved_by",
        )
        .unique(["source_file", "source_line", "_v"], keep="first", maintain_order=True)
    )
    return (
        checks.with_columns(_claimed_middle(checks).abs().alias("_v"))
        .join(
            cues,
            on=["source_file", "source_line", "_v"],
            how="left",
            maintain_order="left",
        )
        .drop("_v")
    )


ARTICLE_NUMBERS_DOC = (
    "One row per number written in an article: claim (with its verdict), non_claim (with the "
    "reason) or unread (a number in a passage about a study the reader could not interpret)."
)
ARTICLE_NUMBERS_COLUMNS: dict[str, str] = {
    "article_id": "The article.",
    "source_file": "articles/<file>.",
    "line": "The article's line where the number stands.",
    "column": "Its column on that line (1-based, as written).",
    "text": "The number as written, with its sign, %, range or spread.",
    "value": "Its value (the middle of a range; 0.5 for 'half'), null for a citation or date.",
    "disposition": "claim, non_claim or unread.",
    "reason": "For a non_claim, why (citation_year, training_load, set_rep_scheme, ...); for "
    "unread, not_interpreted, or study_ambiguous when the passage describes a study several "
    "studies of the data fit equally.",
    "study_id": "For a claim, the study it was linked to.",
    "quantity": "For a claim, what it states: change_pct, n, duration_weeks, age, pre_mean, "
    "p_below, sessions_total, other, ... (the quantities of claim_checks).",
    "group_id": "For a claim about one group, the group.",
    "resolved_by": "For a claim, the cues that linked the study (author, doi, journal, year) "
    "and the words.",
    "verdict": "For a claim, its verdict in claim_checks (the worst of its claims).",
}


def _counts() -> list[pl.Expr]:
    return [
        pl.len().alias("numbers"),
        (pl.col("verdict") == "supported").sum().alias("supported"),
        pl.col("verdict").is_in(WRONG_VERDICTS).sum().alias("wrong"),
        (
            (pl.col("disposition") == CLAIM)
            & ~pl.col("verdict").is_in(["supported", *WRONG_VERDICTS]).fill_null(False)
        )
        .sum()
        .alias("unverifiable"),
        (pl.col("disposition") == UNREAD).sum().alias("unread"),
        (pl.col("disposition") == NON_CLAIM).sum().alias("not_claims"),
    ]


def summary(numbers: pl.DataFrame) -> pl.DataFrame:
    """Per article: numbers, checked (supported, wrong), unverifiable, unread, not claims."""
    return (
        numbers.group_by("article_id", maintain_order=True)
        .agg(_counts())
        .with_columns((pl.col("supported") + pl.col("wrong")).alias("checked"))
        .sort("article_id")
    )


def summary_by_file(numbers: pl.DataFrame) -> pl.DataFrame:
    """`summary` per article id and source file (two files may share an id), in one pass."""
    return (
        numbers.group_by("article_id", "source_file", maintain_order=True)
        .agg(_counts())
        .with_columns((pl.col("supported") + pl.col("wrong")).alias("checked"))
    )


def summary_line(row: dict[str, int]) -> str:
    """'N numbers: C checked (S supported, W wrong), U unverifiable, R unread, X not claims'."""
    return (
        f"{row['numbers']} numbers: {row['checked']} checked ({row['supported']} supported, "
        f"{row['wrong']} wrong), {row['unverifiable']} unverifiable, {row['unread']} unread, "
        f"{row['not_claims']} not claims"
    )


def ready(row: Mapping[str, Any], errors: int) -> bool:
    """An article is ready only with no error finding, no wrong figure and no unread number."""
    return errors == 0 and row["wrong"] == 0 and row["unread"] == 0


def article_lines(numbers: pl.DataFrame, findings: pl.DataFrame) -> list[str]:
    """Per article: 'id: N numbers: ... - ready' or '- not ready'."""
    errors = (
        findings.filter(
            (pl.col("severity") == "error")
            & pl.col("source_file").str.starts_with("articles/")
            & ~pl.col("rule").is_in(VERDICT_RULES)
        )
        .group_by("source_file")
        .len()
    )
    by_file = dict(zip(errors["source_file"].to_list(), errors["len"].to_list(), strict=True))
    files = dict(
        numbers.select("article_id", "source_file").unique(maintain_order=True).iter_rows()
    )
    out = []
    for row in summary(numbers).iter_rows(named=True):
        n_errors = by_file.get(files.get(row["article_id"], ""), 0)
        state = "ready" if ready(row, n_errors) else "not ready"
        out.append(f"{row['article_id']}: {summary_line(row)} - {state}")
    return out

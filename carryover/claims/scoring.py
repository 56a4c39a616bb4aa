"""Score the reader against annotated articles (`<name>.expected.json` beside `<name>.md`).

An expected entry is matched to the reader's number on the same line whose span overlaps the
expected text (found in order along the line). Per article it counts: numbers expected and found,
numbers with no disposition (missed), claims read with the right study, group and quantity,
errors known and caught, false errors (a wrong verdict on a figure the annotation does not call
wrong), and unread numbers. Pure: expected entries, lines, the reader's numbers and group labels in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from carryover.claims.accounting import CLAIM, UNREAD, WRONG_VERDICTS

QUANTITIES = {
    "n": ("n_total", "n_analysed", "n_group"),
    "n_analysed": ("n_analysed",),
    "n_recruited": ("n_total",),
    "duration_weeks": ("weeks",),
    "sessions_per_week": ("sessions_per_week",),
    "change_pct": ("change_pct",),
    "change_abs": ("change_abs",),
    "change_abs_lb": ("change_abs",),
    "age": ("age",),
    "body_height": ("other",),
    "body_mass": ("other",),
    "pre_mean": ("pre_mean",),
    "pre_mean_lb": ("pre_mean",),
    "post_mean": ("post_mean",),
    "post_mean_lb": ("post_mean",),
    "p_value": ("p_value",),
    "p_below": ("p_value",),
    "p_above": ("p_value",),
    "sessions_total": ("sessions_total",),
    "other": ("other",),
    "contrast": ("contrast",),
    "contrast_pct": ("contrast",),
    "contrast_ratio": ("contrast",),
}
"""The reader's quantity names and the annotation's names they stand for.

The annotation has no quantity for body height or mass (it calls them `other`), and one
`p_value` whatever the relation; the reader's pound figures are the same quantities in pounds
(a gain in pounds is the annotation's `change_abs`).
"""


@dataclass
class Score:
    """What one article (or the whole corpus) scored."""

    name: str
    expected: int = 0
    found: int = 0
    missed: int = 0
    expected_claims: int = 0
    read_claims: int = 0
    right: int = 0
    known_errors: int = 0
    caught: int = 0
    false_errors: int = 0
    unread: int = 0
    disposition_agrees: int = 0
    mismatches: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        """Add another article's counts to these."""
        names = ["expected", "found", "missed", "expected_claims", "read_claims", "right"]
        names += ["known_errors", "caught", "false_errors", "unread", "disposition_agrees"]
        for name in names:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def recall(self) -> float:
        """Expected claims read with the right study, group and quantity, as a share."""
        return self.right / self.expected_claims if self.expected_claims else 1.0

    @property
    def precision(self) -> float:
        """Claims the reader made that are right, as a share of the claims it made."""
        return self.right / self.read_claims if self.read_claims else 1.0


def spans(line: str, text: str) -> list[tuple[int, int]]:
    """Every place the text stands on the line as a whole word (1-based columns)."""
    tail = r"(?![\w])" if text[-1:].isalnum() else ""
    pattern = re.compile(rf"(?<![\w]){re.escape(text)}{tail}")
    return [(m.start() + 1, m.end() + 1) for m in pattern.finditer(line)] or [
        (m.start() + 1, m.end() + 1) for m in re.finditer(re.escape(text), line)
    ]


def _plain(words: str) -> str:
    """Lower case, a hyphen as a space: 'Leg-press training' names the 'leg press' group."""
    return re.sub(r"[\s\-]+", " ", words.lower()).strip()


def _group_ok(expected: str | None, group_id: str | None, labels: Mapping[str, str]) -> bool:
    if expected is None or expected.lower() in ("both", "each group") or " vs " in expected:
        return True
    if group_id is None:
        return False
    label = _plain(labels.get(group_id, ""))
    want = _plain(expected)
    return want == group_id.lower() or want in label or f"({want})" in label


def score(
    name: str,
    lines: Sequence[str],
    expected: Sequence[Mapping[str, Any]],
    got: Sequence[Mapping[str, Any]],
    labels: Mapping[tuple[str, str], str],
    uncarried: Sequence[tuple[int, float]] = (),
) -> Score:
    """Compare the reader's numbers (`got`: article_numbers rows) with the expected entries.

    `labels` maps (study_id, group_id) to the group's label. `uncarried` are the article's
    claims judged wrong that no number carries (line, figure; `accounting.uncarried_wrong`):
    errors the editor sees that no annotation can confirm, each a false error.
    """
    s = Score(name, expected=len(expected), found=len(got))
    s.read_claims = sum(1 for g in got if g["disposition"] == CLAIM)
    s.unread = sum(1 for g in got if g["disposition"] == UNREAD)
    by_line: dict[int, list[Mapping[str, Any]]] = {}
    for e in expected:
        by_line.setdefault(int(e["line"]), []).append(e)
    used: set[int] = set()
    matched_wrong: set[int] = set()
    for line_no, entries in by_line.items():
        line = lines[line_no - 1] if 0 < line_no <= len(lines) else ""
        seen: dict[str, int] = {}
        for e in entries:
            # entries are in reading order: the k-th entry of a text is its k-th place on the line
            places = spans(line, e["text"])
            k_th = seen.get(e["text"], 0)
            seen[e["text"]] = k_th + 1
            if len(places) == sum(1 for x in entries if x["text"] == e["text"]):
                places = [places[k_th]]
            k = _find(got, line_no, places, used)
            is_claim = e["disposition"] == CLAIM
            s.expected_claims += is_claim
            wrong = is_claim and e.get("verdict") == "wrong"
            s.known_errors += wrong
            if k is None:
                s.missed += 1
                s.mismatches.append(f"line {line_no} {e['text']!r}: no number found")
                continue
            used.add(k)
            g = got[k]
            if g["disposition"] == e["disposition"]:
                s.disposition_agrees += 1
            else:
                s.mismatches.append(
                    f"line {line_no} {e['text']!r}: {g['disposition']} "
                    f"({g.get('reason') or g.get('study_id')}), expected {e['disposition']} "
                    f"({e.get('reason') or e.get('study')})"
                )
            reader_wrong = g.get("verdict") in WRONG_VERDICTS
            if reader_wrong:
                matched_wrong.add(k)
            if wrong and reader_wrong:
                s.caught += 1
            if reader_wrong and not wrong:
                s.false_errors += 1
                s.mismatches.append(f"line {line_no} {e['text']!r}: FALSE ERROR ({g['verdict']})")
            if is_claim and g["disposition"] == CLAIM and g.get("study_id") == e.get("study"):
                quantity_ok = e.get("quantity") in QUANTITIES.get(g.get("quantity") or "", ())
                group_ok = e.get("quantity") not in ("change_pct", "contrast") or _group_ok(
                    e.get("group"),
                    g.get("group_id"),
                    {gid: lab for (sid, gid), lab in labels.items() if sid == g.get("study_id")},
                )
                if quantity_ok and group_ok:
                    s.right += 1
                else:
                    s.mismatches.append(
                        f"line {line_no} {e['text']!r}: read as {g.get('quantity')} "
                        f"{g.get('group_id')}, expected {e.get('quantity')} {e.get('group')}"
                    )
    for k, g in enumerate(got):
        if k not in used and g.get("verdict") in WRONG_VERDICTS and k not in matched_wrong:
            s.false_errors += 1
            s.mismatches.append(f"line {g['line']} {g['text']!r}: FALSE ERROR, not annotated")
    for line_no, claimed in uncarried:
        s.false_errors += 1
        s.mismatches.append(f"line {line_no} {claimed:g}: FALSE ERROR, no number carries it")
    return s


def _find(
    got: Sequence[Mapping[str, Any]], line: int, places: list[tuple[int, int]], used: set[int]
) -> int | None:
    """The first number of the line not matched yet that stands where the text does."""
    for k, g in enumerate(got):
        if k in used or g["line"] != line:
            continue
        start, end = int(g["column"]), int(g["column"]) + len(g["text"])
        if any(start < b and a < end for a, b in places):
            return k
    return None


def table(scores: Sequence[Score], total: Score) -> str:
    """The benchmark table, in Markdown."""
    head = (
        "| article | numbers (expected) | no disposition | claims read right / expected "
        "| errors caught / known | false errors | unread | dispositions agree |\n"
        "|---|---|---|---|---|---|---|---|\n"
    )
    rows = [
        f"| {s.name} | {s.found} ({s.expected}) | {s.missed} | {s.right} / {s.expected_claims} "
        f"| {s.caught} / {s.known_errors} | {s.false_errors} | {s.unread} "
        f"| {s.disposition_agrees} / {s.expected} |"
        for s in [*scores, total]
    ]
    return head + "\n".join(rows)


def overall_line(total: Score) -> str:
    """One line: the corpus totals with precision and recall."""
    return (
        f"{total.found} numbers found ({total.expected} annotated, {total.missed} without a "
        f"disposition); {total.right} of {total.expected_claims} claims read with the right "
        f"study, group and quantity (recall {total.recall:.0%}, precision {total.precision:.0%}); "
        f"errors caught {total.caught} / {total.known_errors}; false errors {total.false_errors}; "
        f"unread {total.unread}"
    )

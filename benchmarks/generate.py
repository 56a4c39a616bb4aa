"""Generate a raw directory in the contract's format, with a known number of faulty outcome rows.

Deterministic for a given seed: exercises.csv, studies.csv (one study per 200 outcomes),
groups.csv (2 or 3 arms per study, their n adding up to at most n_randomized), outcomes.csv with
exactly N data rows and unique keys, and claims.csv with a few claims about valid outcomes.
Outcome figures are drawn as pre and post means and the changes are computed from the rounded
means, so every figure agrees within rounding the way a paper's do.

About 0.5% of the outcome rows are made faulty, each with one fault of a kind that quarantines
the row (bad numbers, ragged rows, unknown groups, out-of-range values, duplicate keys, stray
quotes, bytes that are not UTF-8, ...). Every other row of every file is valid, so a run must
report exactly `faulty` quarantined rows and load everything else.

    python benchmarks/generate.py --rows 100000 --out /tmp/raw
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

OUTCOMES_PER_STUDY = 200
FAULT_RATE = 0.005
MEASURES = tuple(f"{k}RM" for k in range(1, 21))
EXERCISES = (
    ("back_squat", "Barbell back squat", "back squat;barbell back squat;squat"),
    ("front_squat", "Barbell front squat", "front squat;barbell front squat"),
    ("hip_thrust", "Barbell hip thrust", "hip thrust;barbell hip thrust;hip thrusts"),
    ("deadlift", "Barbell deadlift", "deadlift;conventional deadlift"),
    ("romanian_deadlift", "Romanian deadlift", "romanian deadlift;rdl"),
    ("leg_press_45", "45-degree leg press", "leg press;45-degree leg press"),
    ("bench_press", "Barbell bench press", "bench press;barbell bench press;bench"),
    ("overhead_press", "Standing overhead press", "overhead press;military press"),
    ("bent_over_row", "Barbell bent-over row", "bent-over row;barbell row"),
    ("split_squat", "Bulgarian split squat", "split squat;bulgarian split squat"),
    ("leg_extension", "Leg extension", "leg extension;knee extension"),
    ("lat_pulldown", "Lat pulldown", "lat pulldown;pulldown"),
)
OUTCOME_HEADER = (
    "study_id,group_id,test_exercise,measure,unit,pre_mean,pre_sd,post_mean,post_sd,"
    "change_abs,change_pct,source"
)
SOURCES = ("Abstract", "Table 2", "Table 3", "Figure 2", "Results")
SURNAMES = (
    "Hammond",
    "Perrin",
    "Steele",
    "Giessing",
    "Gentil",
    "Fisher",
    "Contreras",
    "Vigotsky",
    "Schoenfeld",
    "Barbalho",
    "Coswig",
    "Plotkin",
    "Rodas",
    "Enes",
    "Oneda",
    "Leonel",
    "Souza",
    "Henselmans",
    "Roberts",
    "Beardsley",
    "Cronin",
    "Reyneke",
)

# Fault kinds: each makes its row quarantined, for the reason named (the finding's rule).
FAULTS = (
    "number_type",  # change_pct "1O.5" (a letter O)
    "number_type_text",  # pre_sd "about 5" (a '%' sign or "n/a" would be normalised instead)
    "out_of_range",  # a negative pre_sd
    "row_ragged_fewer",  # the last field missing
    "row_ragged_more",  # one field too many
    "unknown_group",  # a group the study does not have
    "unknown_exercise",  # an exercise exercises.csv does not have
    "measure_format",  # "RM3"
    "unit_value",  # "lbs"
    "duplicate_key",  # the key of the row before
    "required",  # source empty
    "outcome_no_figures",  # no post_mean, change_abs or change_pct
    "row_quoting",  # a stray quote inside an unquoted field
    "row_encoding",  # a Latin-1 byte
    "row_nul_byte",  # a NUL byte
)


@dataclass
class Generated:
    """What was written: row counts per file, the planted faults and the total input size."""

    raw_dir: Path
    rows: dict[str, int]
    faulty: int
    faults: dict[str, int] = field(default_factory=dict)
    input_bytes: int = 0

    @property
    def total_rows(self) -> int:
        """Data rows over every file."""
        return sum(self.rows.values())

    def as_dict(self) -> dict[str, object]:
        """A JSON-friendly summary."""
        return {
            "raw_dir": str(self.raw_dir),
            "rows": self.rows,
            "total_rows": self.total_rows,
            "faulty": self.faulty,
            "faults": self.faults,
            "input_bytes": self.input_bytes,
        }


def _fmt(x: float, decimals: int) -> str:
    """A figure rounded the way papers round (half away from zero), as text."""
    return f"{x:.{decimals}f}"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _outcome_cells(rng: random.Random) -> tuple[str, str, str, str, str, str, str]:
    """unit, pre_mean, pre_sd, post_mean, post_sd, change_abs, change_pct of one valid outcome."""
    unit = "kg" if rng.random() < 0.85 else "lb"
    pre = round(rng.uniform(30.0, 220.0) * (2.2 if unit == "lb" else 1.0), 1)
    post = round(pre * (1.0 + rng.uniform(-0.05, 0.45)), 1)
    if post == pre:
        post = round(pre + 0.1, 1)
    pre_sd = _fmt(pre * rng.uniform(0.05, 0.2), 1)
    post_sd = _fmt(post * rng.uniform(0.05, 0.2), 1)
    change = post - pre
    pct = 100.0 * change / pre
    style = rng.random()
    if style < 0.35:  # a full table: means, SDs and both changes
        return unit, _fmt(pre, 1), pre_sd, _fmt(post, 1), post_sd, _fmt(change, 1), _fmt(pct, 1)
    if style < 0.6:  # means and the percent change, no SDs
        return unit, _fmt(pre, 1), "", _fmt(post, 1), "", "", _fmt(pct, 1)
    if style < 0.75:  # means only
        return unit, _fmt(pre, 1), pre_sd, _fmt(post, 1), post_sd, "", ""
    if style < 0.85:  # baseline and both changes, no follow-up mean
        return unit, _fmt(pre, 1), "", "", "", _fmt(change, 1), _fmt(pct, 1)
    if style < 0.95:  # an abstract: the percent change only, often without a unit
        return "", "", "", "", "", "", _fmt(pct, 1)
    return "", "", "", "", "", "", _fmt(pct, 0)  # rounded to a whole percent


def generate(raw_dir: Path, rows: int, seed: int = 7, files: int = 1) -> Generated:
    """Write a raw directory with `rows` outcome rows; return what was planted.

    With `files` > 1 the outcome rows go to `outcomes/part-NNNNN.csv` instead of outcomes.csv,
    in order, about rows / files each (as contributors add a file per study or so). A planted
    duplicate key whose first row lands in the file before is then a repeat across files.
    """
    if rows < 10:
        raise ValueError("rows must be at least 10")
    rng = random.Random(seed)
    raw_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}

    exercise_lines = ["exercise_id,name,aliases"]
    exercise_lines += [f"{eid},{name},{aliases}" for eid, name, aliases in EXERCISES]
    _write_text(raw_dir / "exercises.csv", exercise_lines)
    counts["exercises"] = len(EXERCISES)
    exercise_ids = [e[0] for e in EXERCISES]

    n_studies = max(1, rows // OUTCOMES_PER_STUDY)
    study_lines = [
        "study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week,"
        "caution"
    ]
    group_lines = ["study_id,group_id,label,trained_exercise,n"]
    study_groups: list[tuple[str, list[str]]] = []
    for s in range(n_studies):
        authors = rng.sample(SURNAMES, 3)
        year = rng.randint(1995, 2025)
        study_id = f"{authors[0].lower()}_{year}_{s}"
        n_arms = 2 if rng.random() < 0.6 else 3
        trained = rng.sample(exercise_ids, n_arms)
        arms = []
        total_n = 0
        for a, eid in enumerate(trained):
            gid = f"g{a + 1}"
            n = rng.randint(6, 30)
            total_n += n
            label = f"{EXERCISES[exercise_ids.index(eid)][1]} ({gid.upper()})"
            group_lines.append(f"{study_id},{gid},{label},{eid},{n}")
            arms.append(gid)
        study_groups.append((study_id, arms))
        citation = (
            f"{authors[0]} A, {authors[1]} B, {authors[2]} C. Effects of {n_arms} training "
            f"programmes on strength, study {s}. J Strength Res. {year};{s % 40 + 1}:{s}."
        )
        n_randomized = str(total_n + rng.randint(0, 4)) if rng.random() < 0.8 else ""
        sessions = str(rng.choice((2, 3))) if rng.random() < 0.8 else ""
        caution = _quoted("An audit of the authors' data, see note.") if s % 97 == 0 else ""
        study_lines.append(
            f"{study_id},{_quoted(citation)},{year},10.{1000 + s % 9000}/bench.{s},"
            f"Trained adults,{n_randomized},{rng.choice((4, 6, 8, 9, 10, 12))},{sessions},"
            f"{caution}"
        )
    _write_text(raw_dir / "studies.csv", study_lines)
    _write_text(raw_dir / "groups.csv", group_lines)
    counts["studies"] = n_studies
    counts["groups"] = len(group_lines) - 1

    # Outcome keys: per study, a sample of (group, exercise, measure) in the paper's order.
    keys: list[tuple[str, str, str, str]] = []
    base, extra = divmod(rows, n_studies)
    for s, (study_id, arms) in enumerate(study_groups):
        want = base + (1 if s < extra else 0)
        space = len(arms) * len(exercise_ids) * len(MEASURES)
        for index in sorted(rng.sample(range(space), want)):
            arm, rest = divmod(index, len(exercise_ids) * len(MEASURES))
            ex, m = divmod(rest, len(MEASURES))
            keys.append((study_id, arms[arm], exercise_ids[ex], MEASURES[m]))

    n_faulty = max(len(FAULTS), round(rows * FAULT_RATE))
    faulty_at = sorted(rng.sample(range(1, rows), n_faulty))
    kinds = [FAULTS[i % len(FAULTS)] for i in range(n_faulty)]
    rng.shuffle(kinds)
    fault_of = dict(zip(faulty_at, kinds, strict=True))

    lines: list[bytes] = [OUTCOME_HEADER.encode()]
    claim_pool = set(rng.sample(range(rows), min(rows, 200)))
    claimable: dict[int, tuple[str, ...]] = {}
    for i, key in enumerate(keys):
        cells = (*key, *_outcome_cells(rng), rng.choice(SOURCES))
        kind = fault_of.get(i)
        if kind is None:
            if i in claim_pool and cells[10]:
                claimable[i] = cells
            lines.append(",".join(cells).encode())
        else:
            lines.append(_plant(kind, list(cells), lines, i, fault_of))
    _write_outcomes(raw_dir, lines, files)
    counts["outcomes"] = rows

    claim_lines = ["article_id,line,study_id,quantity,group_id,test_exercise,measure,value"]
    # A few claims, each stating an outcome's percent change as reported (so each is supported).
    claimed = sorted(rng.sample(sorted(claimable), min(12, len(claimable))))
    for line, i in enumerate(claimed, start=3):
        study_id, group_id, exercise, measure = claimable[i][:4]
        claim_lines.append(
            f"bench_roundup,{line},{study_id},change_pct,{group_id},{exercise},{measure},"
            f"{claimable[i][10]}"
        )
    _write_text(raw_dir / "claims.csv", claim_lines)
    counts["claims"] = len(claim_lines) - 1

    input_bytes = sum(p.stat().st_size for p in raw_dir.rglob("*.csv"))
    return Generated(
        raw_dir=raw_dir,
        rows=counts,
        faulty=n_faulty,
        faults=dict(sorted(Counter(kinds).items())),
        input_bytes=input_bytes,
    )


def _plant(
    kind: str, cells: list[str], lines: list[bytes], i: int, fault_of: dict[int, str]
) -> bytes:
    """One outcome line carrying one fault of `kind` (cells are otherwise valid)."""
    match kind:
        case "number_type":
            cells[10] = "1O.5"
        case "number_type_text":
            cells[6] = "about 5"
        case "out_of_range":
            cells[6] = "-1.5"
        case "row_ragged_fewer":
            cells = cells[:-1]
        case "row_ragged_more":
            cells.append("see note")
        case "unknown_group":
            cells[1] = "zz"
        case "unknown_exercise":
            cells[2] = "cable_kickback"
        case "measure_format":
            cells[3] = "RM" + cells[3][:-2]
        case "unit_value":
            cells[4] = "lbs"
            cells[5] = cells[5] or "100.0"
        case "duplicate_key":
            # The key of the nearest earlier valid row, so this later row is the duplicate.
            j = i - 1
            while j in fault_of:
                j -= 1
            cells[:4] = lines[j + 1].decode().split(",")[:4]
        case "required":
            cells[11] = ""
        case "outcome_no_figures":
            # No post mean and no change in either form: nothing gives the change.
            cells[7] = cells[9] = cells[10] = ""
        case "row_quoting":
            cells[11] = 'Table "2'
        case "row_encoding":
            return ",".join(cells[:11]).encode() + b",Tabl\xe9 2"
        case "row_nul_byte":
            cells[11] = "Table\x002"
        case _:  # pragma: no cover
            raise ValueError(kind)
    return ",".join(cells).encode()


def _write_outcomes(raw_dir: Path, lines: list[bytes], files: int) -> None:
    """outcomes.csv, or the rows split in order over `files` files of an outcomes/ folder."""
    header, rows = lines[0], lines[1:]
    if files <= 1:
        (raw_dir / "outcomes.csv").write_bytes(b"\n".join(lines) + b"\n")
        return
    folder = raw_dir / "outcomes"
    folder.mkdir()
    per_file, extra = divmod(len(rows), files)
    start = 0
    for f in range(files):
        end = start + per_file + (1 if f < extra else 0)
        (folder / f"part-{f:05d}.csv").write_bytes(b"\n".join([header, *rows[start:end]]) + b"\n")
        start = end


def _write_text(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="outcome rows (default 100000)")
    parser.add_argument("--out", type=Path, required=True, help="raw directory to write")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--files", type=int, default=1, help="split outcomes over this many files of outcomes/"
    )
    args = parser.parse_args()
    print(json.dumps(generate(args.out, args.rows, args.seed, args.files).as_dict(), indent=2))


if __name__ == "__main__":
    main()

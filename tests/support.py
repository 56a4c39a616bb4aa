"""Helpers shared by the tests: small raw directories built from text."""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

from carryover.claims.articles import Context
from carryover.core.config import PROJECT_ROOT
from carryover.ingest.extract import Extracted, parse_csv
from carryover.steps import check, validate
from carryover.validate.validation import Validation
from schemas import OPTIONAL_TABLES, SPECS

DATA = Path(__file__).parent / "data"
VALID = DATA / "valid"
FAULTY = DATA / "faulty"


def valid_texts() -> dict[str, str]:
    """The small valid raw set, as file text by table name."""
    return {name: (VALID / f"{name}.csv").read_text(encoding="utf-8") for name in SPECS}


def extract_texts(texts: Mapping[str, str | bytes]) -> dict[str, list[Extracted]]:
    """Parse raw files given as text (or bytes) by table name, without touching the disk."""
    out = {}
    for name, spec in SPECS.items():
        # A table added to the contract later (contrasts, statistics) is optional: absent = empty.
        data = texts[name] if name in texts or name not in OPTIONAL_TABLES else ""
        if name not in texts:
            data = ",".join(spec.column_names) + "\n"
        raw = data.encode("utf-8") if isinstance(data, str) else data
        out[name] = [parse_csv(raw, spec, spec.file_name)]
    return out


def validate_texts(texts: Mapping[str, str | bytes]) -> Validation:
    """Extract and validate raw files given as text."""
    return validate(extract_texts(texts), this_year=2026)


def with_row(table: str, row: str) -> dict[str, str]:
    """The valid raw set with one more line appended to one table."""
    texts = valid_texts()
    texts[table] = texts[table] + row + "\n"
    return texts


def write_raw(directory: Path, texts: Mapping[str, str | bytes]) -> Path:
    """Write raw files into a directory and return it."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, data in texts.items():
        path = directory / f"{name}.csv"
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return directory


def large_texts(outcomes: int, change_pct: str = "10.0") -> dict[str, str]:
    """A raw set with about `outcomes` outcome rows (100 per group, 10 groups per study).

    With the default change_pct every row is valid; another value (such as "12.0") makes every
    generated outcome a `figures_disagree` finding.
    """
    texts = valid_texts()
    studies = max(1, outcomes // 1000)
    study_rows = [texts["studies"].rstrip("\n")]
    group_rows = [texts["groups"].rstrip("\n")]
    outcome_rows = [texts["outcomes"].rstrip("\n")]
    for s in range(studies):
        study_rows.append(f"big_{s},Doe J. Big trial {s}.,2020,,Adults,,8,2")
        for g in range(10):
            group_rows.append(f"big_{s},g{g},Group {g},back_squat,10")
            for exercise in ("back_squat", "hip_thrust"):
                for m in range(1, 51):
                    outcome_rows.append(
                        f"big_{s},g{g},{exercise},{m}RM,kg,100.0,10.0,110.0,11.0,10.0,{change_pct},"
                        "Table 2"
                    )
    texts["studies"] = "\n".join(study_rows) + "\n"
    texts["groups"] = "\n".join(group_rows) + "\n"
    texts["outcomes"] = "\n".join(outcome_rows) + "\n"
    return texts


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


CLAIMS_HEADER = "article_id,line,study_id,quantity,group_id,test_exercise,measure,value\n"


def context_of(exercises: str, studies: str, groups: str, outcomes: str) -> Context:
    """What articles are read against, from small tables that must validate without a finding."""
    v = validate_texts(
        {
            "exercises": exercises,
            "studies": studies,
            "groups": groups,
            "outcomes": outcomes,
            "claims": CLAIMS_HEADER,
        }
    )
    assert v.findings.is_empty(), v.findings.to_dicts()
    c = v.clean
    return Context.from_tables(c["studies"], c["groups"], c["exercises"], c["outcomes"])


_BUNDLED_CONTEXT: list[Context] = []


def bundled_context() -> Context:
    """What articles are read against on the bundled raw/ data (checked once, then kept)."""
    if not _BUNDLED_CONTEXT:
        clean = check(PROJECT_ROOT / "raw").validation.clean
        _BUNDLED_CONTEXT.append(
            Context.from_tables(
                clean["studies"], clean["groups"], clean["exercises"], clean["outcomes"]
            )
        )
    return _BUNDLED_CONTEXT[0]


def raw_with_articles(raw: Path, articles: Path) -> Path:
    """The bundled tables copied to `raw`, with the Markdown articles of `articles` (no README)."""
    shutil.copytree(PROJECT_ROOT / "raw", raw, ignore=shutil.ignore_patterns("articles"))
    (raw / "articles").mkdir()
    for path in sorted(articles.glob("*.md")):
        if path.name != "README.md":
            shutil.copy(path, raw / "articles" / path.name)
    return raw


VOLUME_2019 = (
    """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
volume_2019,"Vole A, Mole B. Training volume and strength in trained men. Med Sci Sports \
Exerc. 2019.",2019,,Men,34,8,3
""",
    """study_id,group_id,label,trained_exercise,n
volume_2019,low,Low volume: 1 set per exercise (1SET),,11
volume_2019,high,High volume: 5 sets per exercise (5SET),,11
""",
)
"""studies.csv and groups.csv of a volume study whose groups differ by their sets per exercise."""

LOADS_2015 = (
    """study_id,citation,year,doi,population,n_randomized,duration_weeks,sessions_per_week
loads_2015,"Stone BJ, Peters MD. Effects of low- vs. high-load training in well-trained men. \
J Strength Cond Res. 2015;29(10):2954-2963.",2015,,Young trained men,18,8,3
""",
    """study_id,group_id,label,trained_exercise,n
loads_2015,hl,High load: 8-12 repetitions per set (HL),,9
loads_2015,ll,Low load: 25-35 repetitions per set (LL),,9
""",
)
"""studies.csv and groups.csv of a load study whose groups are named by load and rep range."""

"""Finding fingerprints: stable across runs and line shifts, distinct within a run."""

from schemas import TABLES
from tests.support import FAULTY, validate_texts

TEXTS = {spec.name: (FAULTY / spec.file_name).read_bytes() for spec in TABLES}


def _prints(texts: dict[str, bytes]) -> dict[tuple[str, str, str | None], set[str]]:
    findings = validate_texts(texts).findings
    out: dict[tuple[str, str, str | None], set[str]] = {}
    for row in findings.iter_rows(named=True):
        out.setdefault((row["source_file"], row["rule"], row["column_name"]), set()).add(
            row["fingerprint"]
        )
    return out


def test_every_finding_of_a_run_has_its_own_fingerprint() -> None:
    """No two findings of one run share a fingerprint, duplicates of one key included."""
    findings = validate_texts(TEXTS).findings
    assert findings["fingerprint"].null_count() == 0
    assert findings["fingerprint"].n_unique() == findings.height


def test_the_same_raw_data_gives_the_same_fingerprints() -> None:
    """Idempotent: validating the same bytes twice gives identical fingerprints."""
    assert validate_texts(TEXTS).findings.equals(validate_texts(TEXTS).findings)


def test_a_line_added_above_a_row_does_not_change_its_fingerprints() -> None:
    """Fingerprints hang on the row's key or content, not on its line number."""
    shifted = dict(TEXTS)
    for name in ("studies", "groups", "outcomes", "claims"):
        header, rest = TEXTS[name].split(b"\n", 1)
        shifted[name] = header + b"\n\n\n" + rest  # blank lines are skipped, lines move
    before, after = validate_texts(TEXTS).findings, validate_texts(shifted).findings
    assert before["source_line"].to_list() != after["source_line"].to_list()
    assert _prints(TEXTS) == _prints(shifted)


def test_changing_a_rows_key_changes_its_fingerprint() -> None:
    """A finding on a different row is a different finding."""
    changed = dict(TEXTS)
    changed["outcomes"] = TEXTS["outcomes"].replace(
        b"s_ok,a,hip_thrust,1RM",
        b"s_ok,a,hip_thrust,9RM",
        1,  # line 3: change_pct disagrees
    )
    before = _prints(TEXTS)[("outcomes.csv", "figures_disagree", "change_pct")]
    after = _prints(changed)[("outcomes.csv", "figures_disagree", "change_pct")]
    assert before != after

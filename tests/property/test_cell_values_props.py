"""Any text in any numeric cell is a value or a finding: never an internal error, never a lost row.

The cells are drawn to hit the edges of number parsing: exponents of any length, digit strings
hundreds of digits long, every Unicode decimal digit and every Unicode space, signs, points and
percent signs in any order.
"""

from __future__ import annotations

import sys
import unicodedata

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from carryover.steps import transform_all
from tests.support import valid_texts, validate_texts

pytestmark = pytest.mark.slow  # 200 examples through validation and transform: about a minute

_UNICODE_DIGITS = "".join(
    c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.category(c) == "Nd"
)
_UNICODE_SPACES = "".join(
    c
    for c in map(chr, range(0x3000 + 1))
    if unicodedata.category(c) in ("Zs", "Zl", "Zp") or c in "\t\x0b\x0c\x85"
)
_DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=400)
_EXPONENT = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.from_regex(r"[+-]?[0-9]{1,40}", fullmatch=True),
)
_SCIENTIFIC = st.builds(
    lambda m, point, frac, e, exp: f"{m}{point}{frac}{e}{exp}",
    _DIGITS,
    st.sampled_from(["", "."]),
    st.text(alphabet="0123456789", max_size=30),
    st.sampled_from(["e", "E"]),
    _EXPONENT,
)
_CELL = st.one_of(
    _SCIENTIFIC,
    _DIGITS,
    st.builds(lambda a, b: f"{a}.{b}", _DIGITS, _DIGITS),
    st.text(alphabet=_UNICODE_DIGITS[:400] + "0123456789.eE+-%", min_size=1, max_size=12),
    st.builds(
        lambda pad, value, tail: f"{pad}{value}{tail}",
        st.text(alphabet=_UNICODE_SPACES, max_size=3),
        st.one_of(_SCIENTIFIC, _DIGITS),
        st.text(alphabet=_UNICODE_SPACES + "%", max_size=3),
    ),
    st.text(max_size=20),
)
_OUTCOME = "trial_2020,sq,back_squat,5RM,kg,{pre},,{post},,{abs},{pct},Table 3"
_COLUMNS = ("pre", "post", "abs", "pct")


def _csv_cell(value: str) -> str:
    """The cell quoted as a CSV writer would, so any text stays one field of one record."""
    return '"' + value.replace('"', '""') + '"'


def _accounted(texts: dict[str, str]) -> pl.DataFrame:
    validation = validate_texts(texts)
    for f in validation.files:
        assert f.loaded_rows + f.quarantined_rows == f.data_rows, f
    transform_all(validation)
    return validation.findings


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cell=_CELL, column=st.sampled_from(_COLUMNS))
def test_any_text_in_an_outcome_figure_is_a_value_or_a_finding(cell: str, column: str) -> None:
    """Validate and transform: no exception escapes, and every row is loaded or quarantined."""
    values = dict.fromkeys(_COLUMNS, "")
    values[column] = _csv_cell(cell)
    texts = valid_texts()
    texts["outcomes"] += _OUTCOME.format(**values) + "\n"
    _accounted(texts)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cell=_CELL, quantity=st.sampled_from(["n", "change_pct"]))
def test_any_text_in_a_claim_value_is_a_value_or_a_finding(cell: str, quantity: str) -> None:
    """claims.csv value: the same guarantee, whether or not the figure is compared."""
    keys = ",,,," if quantity == "n" else ",sq,back_squat,1RM,"
    texts = valid_texts()
    texts["claims"] += f"review,9,trial_2020,{quantity}{keys}{_csv_cell(cell)}\n"
    _accounted(texts)


def test_the_claim_row_the_property_builds_is_well_formed() -> None:
    """A plain value in the generated claims row loads: the property tests the value, not shape."""
    texts = valid_texts()
    texts["claims"] += f"review,9,trial_2020,n,,,,{_csv_cell('30')}\n"
    findings = _accounted(texts)
    assert findings.filter(pl.col("rule").is_in(["row_ragged", "number_type"])).is_empty()

"""Any chunk size gives the same check as reading the file whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from carryover.validate.validation import Validation
from tests.chunking import assert_same, check_with, tricky_raw

pytestmark = pytest.mark.slow  # each example is a whole check

_DIR: dict[str, tuple[Path, Validation]] = {}


def _whole(tmp: Path) -> tuple[Path, Validation]:
    if "raw" not in _DIR:
        raw = tricky_raw(tmp / "raw")
        _DIR["raw"] = (raw, check_with(raw, 0))
    return _DIR["raw"]


@settings(
    max_examples=12,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failing size is reported as is
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(size=st.integers(min_value=150, max_value=140_000))
def test_any_chunk_size_gives_the_whole_files_result(tmp_path: Path, size: int) -> None:
    raw, whole = _whole(tmp_path)
    assert_same(whole, check_with(raw, size))

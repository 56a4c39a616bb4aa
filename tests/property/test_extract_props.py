"""Properties of the extractor's fast paths: a shortcut never skips work that was needed."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from carryover.ingest.extract import MISSING_TOKENS, _normalisation_hint

pytestmark = pytest.mark.slow  # many generated examples each

_CELLS = st.one_of(
    st.sampled_from(sorted(MISSING_TOKENS)),
    st.from_regex(r"-0*\.?0*", fullmatch=True),
    st.from_regex(r"[0-9]{1,3}(\.[0-9])? ?%", fullmatch=True),
    st.text(alphabet="0123456789.-%naNA /", max_size=6),
)


@given(cell=_CELLS, pad=st.sampled_from(["", " ", "  "]), sep=st.sampled_from([",", ";"]))
def test_the_normalisation_hint_never_misses_a_cell_that_normalising_changes(
    cell: str, pad: str, sep: str
) -> None:
    """Records that do not match the cheap hint are not normalised: none may need it."""
    text = cell.strip()
    needs = (
        text in MISSING_TOKENS
        or re.fullmatch(r"[^%]*[0-9.]\s*%", text) is not None
        or (re.fullmatch(r"-0*\.?0*", text) is not None and "0" in text)
    )
    record = f"a{sep}{pad}{cell}{pad}{sep}b"
    if needs:
        assert re.search(_normalisation_hint(sep), record)

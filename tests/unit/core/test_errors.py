"""carryover/core/errors.py: one hierarchy, one mapping to exit codes."""

import pytest

from carryover.core.errors import (
    EXIT_CANNOT_RUN,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    RawDirError,
    Refused,
    ReportError,
    SqlError,
    WarehouseBusy,
    WarehouseError,
    WarehouseMissing,
    exit_code,
    first_line,
)


@pytest.mark.parametrize(
    ("exc", "code"),
    [
        (RawDirError("no raw"), EXIT_CANNOT_RUN),
        (WarehouseError("locked"), EXIT_CANNOT_RUN),
        (WarehouseMissing("none"), EXIT_CANNOT_RUN),
        (WarehouseBusy("busy"), EXIT_CANNOT_RUN),
        (ReportError("no run"), EXIT_CANNOT_RUN),
        (SqlError("Catalog Error"), EXIT_FINDINGS),
        (Refused("read-only"), EXIT_CANNOT_RUN),
        (KeyboardInterrupt(), EXIT_INTERRUPTED),
        (ValueError("bug"), EXIT_CANNOT_RUN),
    ],
)
def test_each_error_gives_its_exit_code(exc: BaseException, code: int) -> None:
    """A failed query exits 1 like a finding; a refused one and every unusable input exit 2."""
    assert exit_code(exc) == code


def test_first_line_keeps_one_line_or_names_the_type() -> None:
    """A multi-line message is cut to its first line; an empty one reads as the type's name."""
    assert first_line(OSError("disk full\nat block 7")) == "disk full"
    assert first_line(RuntimeError("  ")) == "RuntimeError"

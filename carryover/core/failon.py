"""When a run counts as failed: `--fail-on error|warning|never`, like a linter's threshold.

A run always loads what is valid and writes its report; the threshold only decides whether the
run ends Failed in Prefect (so that an automation can alert on it) and exits 1.
"""

from __future__ import annotations

from typing import Literal, get_args

FailOn = Literal["error", "warning", "never"]
FAIL_ON: tuple[str, ...] = get_args(FailOn)
DEFAULT_FAIL_ON: FailOn = "error"


def breaches(errors: int, warnings: int, fail_on: str) -> bool:
    """Whether findings reach the threshold: any error, any error or warning, or never."""
    if fail_on == "error":
        return errors > 0
    if fail_on == "warning":
        return errors + warnings > 0
    if fail_on == "never":
        return False
    raise ValueError(f"unknown --fail-on level {fail_on!r}: choose one of {', '.join(FAIL_ON)}")


def counts(errors: int, warnings: int) -> str:
    """'11 error(s), 2 warning(s)'."""
    return f"{errors} error(s), {warnings} warning(s)"


def failure_message(errors: int, warnings: int, fail_on: str) -> str:
    """The Failed state's message: the counts, the threshold, and that the run still landed."""
    return (
        f"{counts(errors, warnings)} found (--fail-on {fail_on}); the valid rows were loaded "
        "and the report written"
    )


class FindingsReachedThreshold(Exception):
    """A run that completed its work but whose findings reach the --fail-on threshold.

    Carries the run's summary, so the caller still prints the findings and where the outputs are.
    """

    def __init__(self, message: str, summary: object) -> None:
        super().__init__(message)
        self.summary = summary

"""Which study a sentence about research in general describes by its design.

Writers often cite a study without naming it, inside a sentence that speaks of research in
general: "Research has shown that you can raise your back squat 1RM by more than 30% if you add
the hip thrust to your training for eight weeks". Such a sentence names no author, journal or
identifier and says too little for a passage's description score, but its design is specific:
an exercise *added* to the usual training (one group trained it, another group, a control, kept
to its usual training) and the programme's length, sample or weekly frequency.

`study_by_design` takes the one study of the data whose design the sentence states: every
exercise the sentence says was added is one the study added to a control's training, the
sentence states at least one of its design figures (weeks, sample, sessions a week) and none
against it, and no other study fits as well. Anything less is no study (the sentence stays
general).

Pure: the sentence and the studies' keys in, a mention out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from carryover.claims.linking import (
    StudyKey,
    StudyMention,
    _design_clashes,
    _population_clash,
    stated_facts,
)

_ADDED = re.compile(
    r"\badd(?:s|ed|ing)?\s+(?P<what>[^.;:!?]{3,60}?)\s+(?:to|into)\s+"
    r"(?:your|their|his|her|one's|a|an|the|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:training|program(?:me)?s?|routines?|workouts?|regimens?|sessions?|practice)\b",
    re.IGNORECASE,
)
"""'add the hip thrust to your training', 'adding Barbell Hip Thrusts to their training', 'added
hip thrusts to their baseball practice' (the words between are bounded: linear on any line)."""

_DESIGN_KINDS = ("weeks", "n", "sessions")


def added_exercises(text: str, exercises_in: Callable[[str], set[str]]) -> set[str]:
    """The exercises a text says were added to a training programme (exercise ids)."""
    found: set[str] = set()
    for m in _ADDED.finditer(text):
        found |= exercises_in(m.group("what"))
    return found


def controls(groups: Iterable[tuple[str, str | None]]) -> dict[str, frozenset[str]]:
    """Per study, the exercises added to usual training, from (study_id, trained_exercise) rows.

    Those its groups trained when another of its groups (a control) trained none.
    """
    trained: dict[str, set[str]] = {}
    has_control: set[str] = set()
    for study_id, exercise in groups:
        if exercise:
            trained.setdefault(study_id, set()).add(exercise)
        else:
            has_control.add(study_id)
    return {s: frozenset(trained.get(s, ())) for s in has_control if trained.get(s)}


def study_by_design(
    keys: Iterable[StudyKey], text: str, exercises_in: Callable[[str], set[str]] | None
) -> StudyMention | None:
    """The one study whose add-on design and figures a sentence states, or None.

    The sentence must say which exercise was added ('if you add the hip thrust to your
    training') and state a design figure of the study (its weeks, sample or sessions a week),
    with no figure or population fact against it. Two studies that fit are no answer.
    """
    if exercises_in is None:
        return None
    added = added_exercises(text, exercises_in)
    if not added:
        return None
    stated = stated_facts(text)
    design = {f for f in stated if f.split(":")[0] in _DESIGN_KINDS}
    fits = [
        k
        for k in keys
        if k.added
        and added <= k.added
        and design & k.facts
        and not _population_clash(stated, k)
        and _design_clashes(stated, k) == 0
    ]
    if len(fits) != 1:
        return None
    match = _ADDED.search(text)
    words = match.group(0) if match else text[:60]
    return StudyMention(0, 0, words, (fits[0].study_id,), ("design",))

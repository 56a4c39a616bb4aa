"""How a study split its people: "Half of the men trained ...", "The other half trained ...".

Writers describe a two-arm design by the share of the sample each arm took: "Half of the men
trained with weights of 70-80 percent of their maximum", "The other half of the participants
trained with loads of 30 to 50%", "half of them were assigned to the squat group". In a sentence
about a study such a share is a claim about its design (`other`: the data holds group sizes, not
the writer's share, so it cannot be checked), never an unread number.

Only "half" is read, and only as the subject of a verb of doing or of being assigned: at the
start of the sentence ("Half of the subjects trained ..."), or after "the other" or "the
remaining" ("The other half trained ..."). A half of anything else ("half of what the other group
gained", "about half of the men improved", "half of the sessions") is left to the other rules.

Pure: a number and the words around it in, the share's value or None out; the windows are
bounded.
"""

from __future__ import annotations

import re

from carryover.claims.linking import DESCRIBING, PEOPLE
from carryover.claims.numbers import Number

_SUBJECT_BEFORE = re.compile(r"(?:^|[.;:!?]\s*|\b(?:the\s+other|the\s+remaining)\s+)$", re.I)
"""'Half' opens its sentence, or 'the other half', 'the remaining half'."""
_DOING_AFTER = re.compile(
    rf"^\s+(?:of\s+(?:them|the(?:se|m)?\s+(?:{DESCRIBING}\s+){{0,3}}?{PEOPLE}|all\s+(?:the\s+)?"
    rf"{PEOPLE}|the\s+(?:{DESCRIBING}\s+){{0,3}}?{PEOPLE})\s+)?"
    r"(?:(?:then|instead|also)\s+)?"
    r"(?:trained|did|performed|used|lifted|followed|squatted|completed|"
    r"(?:were|was)\s+(?:then\s+)?(?:assigned|randomi[sz]ed|allocated|placed|put))\b",
    re.I,
)
"""'of the men trained', 'of the participants were assigned', 'trained' (after 'the other')."""


def allocation_share(number: Number, before: str, after: str) -> str | None:
    """'0.5' when the number is the half of a sample an arm took ('Half of the men trained')."""
    if number.kind != "word" or number.value != 0.5 or number.text.lower() != "half":
        return None
    if not _SUBJECT_BEFORE.search(before[-20:]):
        return None
    return "0.5" if _DOING_AFTER.match(after[:120]) else None

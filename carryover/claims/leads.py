"""An article's lead: the figures it gives before it names the study they come from.

News-style writing states the finding first and names its source after: a headline ("Put 50
pounds on your squat in 8 weeks"), an opening paragraph, or the opening sentences of the
paragraph that then says "That striking result comes from a study headed by ...". `lead_of`
finds the study named first, at most LEAD_PASSAGES passages on, and binds to it

- the headline(s) and first paragraph before it, when they state one of the study's facts (its
  weeks, sample, population or the exercises its groups trained) and none against it (cue
  `lead`);
- the sentence of the naming paragraph right before the naming sentence, when it states one of its
  design figures (sample, weeks, sessions a week) and no fact against it, and the naming
  sentence points back at them ("That result", "These findings", "In the study": cue
  `named next`). A naming sentence that does not point back
  ("In a 2019 study, researchers ...") starts the study afresh: the sentences before it may be
  general ("the usual rule passed around gyms is 3 to 5 sets, 3 times a week").

Anything else leaves the lead unbound: its figures stay general, as do those of a lead whose
study is named with a name several studies share and nothing to tell them apart.

Pure: the passages' texts, kinds, sentence starts and study mentions in, a `Lead` out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from carryover.claims.linking import Linker, StudyMention, stated_facts

LEAD_PASSAGES = 4
"""How soon after the headline a study must be named for the headline to be about it."""
LEAD = "lead"
"""The cue of a headline or first paragraph bound to the study named after it."""
AHEAD = "named next"
"""The cue of opening sentences bound to the study the next sentence names, pointing back."""
_POINTS_BACK = re.compile(
    r"[\s\"'(]*(?:(?:in\s+)?(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:study|trial|paper|experiment)\b"
    r"|(?:that|this|these|those|such)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:results?|findings?|conclusions?|claims?|figures?|numbers?|news|discover(?:y|ies)|"
    r"evidence|data|advice|idea|answer|insight)\b)",
    re.IGNORECASE,
)
"""The start of a sentence naming a study that points back at the sentences before it: 'That
striking result comes from a study ...', 'These findings come from ...', 'In the study, which
appeared in ...'. A sentence that does
not ('In a 2019 study, researchers ...') starts the study afresh: what came before may be
general ('the usual rule passed around gyms is 3 sets, 3 times a week')."""


@dataclass(frozen=True)
class Lead:
    """The passages (and opening sentences) that summarise the study named right after them."""

    passages: frozenset[int]
    """The headline(s) and first paragraph, before the passage that names the study."""
    named: int
    """The passage that names the study."""
    opening: int
    """Where, in the naming passage, the sentence naming the study starts: the sentence before
    it is part of the lead (0: none is)."""
    since: int
    """Where that sentence before it starts."""
    study_id: str
    cues: str
    """The lead passages' cues: `lead`, then those of the mention."""
    opening_cues: str
    """The opening sentences' cues: `named next`, then those of the mention."""


def lead_of(
    linker: Linker,
    texts: Sequence[str],
    kinds: Sequence[str],
    starts: Sequence[int],
    mentions_at: Sequence[Sequence[StudyMention]],
) -> Lead | None:
    """The article's lead and its study (see the module), or None.

    `starts` are the sentence offsets of the first passage that names a study.
    """
    first = next((k for k, named in enumerate(mentions_at) if named), None)
    if first is None or first > LEAD_PASSAGES:
        return None
    mention = next((m for m in mentions_at[first] if m.candidates), None)
    if mention is None or len(mention.candidates) != 1:
        return None
    lead: list[int] = []
    for k in range(first):
        lead.append(k)
        if kinds[k] != "heading":
            break  # the headline(s) and the first paragraph
    study_id = mention.candidates[0]
    # the naming passage's sentences before the one that names the study, when that sentence
    # points back at them ("That striking result comes from a study ...")
    at = max((s for s in starts if s <= mention.start), default=0)
    since = max((s for s in starts if s < at), default=0)  # the sentence pointed back at
    opening = texts[first][since:at]
    if not (at and _POINTS_BACK.match(texts[first], at) and _design_of(linker, study_id, opening)):
        at = since = 0
    lead_text = " ".join(texts[k] for k in lead)
    if not (lead_text.strip() and linker.shares_facts(study_id, lead_text)):
        lead = []
    if not lead and not at:
        return None
    words = f"{'+'.join(mention.resolved_by)}: {mention.words}"
    return Lead(
        frozenset(lead), first, at, since, study_id, f"{LEAD}, then {words}", f"{AHEAD}, {words}"
    )


def _design_of(linker: Linker, study_id: str, text: str) -> bool:
    """Whether a text states one of the study's design figures and no fact against it.

    The design figures are its sample, weeks and sessions a week: a population word alone
    ('men') is too common to bind sentences to a study by.
    """
    key = next((k for k in linker.keys if k.study_id == study_id), None)
    if key is None or linker.contradicts(study_id, text):
        return False
    return any(":" in f and not f.startswith("year:") for f in stated_facts(text) & key.facts)

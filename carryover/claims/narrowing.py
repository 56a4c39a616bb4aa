"""Which of several studies a mention means, from what the passage says around it.

A name can fit several studies: "a study headed by Professor Brad Schoenfeld" fits every study
he wrote, first author or not, and "the Journal of Strength and Conditioning Research" every
study it printed. The sentence's own cues (a year beside the name, the facts it states) are
weighed by the linker (carryover.claims.linking). A writer often gives the rest a sentence or a
paragraph later: "The researchers compared healthy men ... Every participant trained three
times a week for eight weeks". `narrow` reads that passage, and the passages after it that
name no study, as the evidence.

A candidate is ruled out when the evidence states a fact against it (the other sex or training
status, a sample, duration or weekly frequency none of whose stated values is its own). The
mention is taken for the one candidate left that shares a stated fact (population, weeks,
sample, sessions a week) or whose trained exercises are all named, when no other candidate left
does. Anything less leaves the candidates as they were: the reader warns and guesses nothing.
The cue recorded is `passage facts`.

Pure: texts, mentions and the linker's study keys in, mentions out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from carryover.claims.linking import Linker, StudyKey, StudyMention, _clash, stated_facts

EVIDENCE_CHARS = 4000
"""How much text (in characters) from the mention's passage on is read as its evidence."""
PASSAGE_FACTS = "passage facts"
"""The cue recorded when the passage's facts told the candidates apart."""


def narrow(linker: Linker, mention: StudyMention, evidence: str) -> StudyMention:
    """The mention with its candidates narrowed to the one the evidence describes (see module).

    A mention with one candidate or none is returned as it is.
    """
    if len(mention.candidates) < 2:
        return mention
    text = evidence[:EVIDENCE_CHARS]
    stated = stated_facts(text)
    named = linker.exercises_in(text) if linker.exercises_in else set()
    keys = {k.study_id: k for k in linker.keys}
    left = [keys[c] for c in mention.candidates if c in keys and not _clash(stated, keys[c])]
    fitting = [k for k in left if _fits(k, stated, named)]
    if len(fitting) != 1:
        return mention
    return replace(
        mention,
        candidates=(fitting[0].study_id,),
        resolved_by=(*mention.resolved_by, PASSAGE_FACTS),
    )


def _fits(key: StudyKey, stated: set[str], named: set[str]) -> bool:
    """Whether stated facts or named exercises speak for a study (not its year alone)."""
    shared = {f for f in stated & key.facts if not f.startswith("year:")}
    return bool(shared) or (bool(key.trains) and key.trains <= named)


def narrow_passages(
    linker: Linker, texts: Sequence[str], mentions_at: Sequence[Sequence[StudyMention]]
) -> list[list[StudyMention]]:
    """Each passage's mentions, those with several candidates narrowed (see `narrow`).

    A mention's evidence is its passage from the mention on (up to the next mention, if any),
    then the passages after it up to the next that names a study, at most EVIDENCE_CHARS
    characters. Linear: each passage's text
    is joined once per mention that needs it, and no more than EVIDENCE_CHARS of it.
    """
    out: list[list[StudyMention]] = []
    for k, found in enumerate(mentions_at):
        if all(len(m.candidates) < 2 for m in found):
            out.append(list(found))
            continue
        kept = []
        for i, m in enumerate(found):
            if len(m.candidates) < 2:
                kept.append(m)
                continue
            # up to the next study the passage names, if any
            end = found[i + 1].start if i + 1 < len(found) else len(texts[k])
            parts = [texts[k][m.start : min(end, m.start + EVIDENCE_CHARS)]]
            if i + 1 < len(found):
                kept.append(narrow(linker, m, parts[0]))
                continue
            size = len(parts[0])
            j = k + 1
            while j < len(texts) and not mentions_at[j] and size < EVIDENCE_CHARS:
                parts.append(texts[j])
                size += len(texts[j])
                j += 1
            kept.append(narrow(linker, m, " ".join(parts)))
        out.append(kept)
    return out


def settled(mention: StudyMention, passage: Sequence[StudyMention]) -> StudyMention:
    """A sentence's mention of several studies, as its passage settled it.

    A sentence alone may not tell which of an author's studies it names; the passage it stands
    in (its facts, read by the linker over the whole passage, or by `narrow` over the passages
    after it) may. The same words, mentioned in the passage with one of the sentence's
    candidates only, are that study, with the cue `passage facts`.
    """
    if len(mention.candidates) < 2:
        return mention
    for m in passage:
        if (
            m.words == mention.words
            and len(m.candidates) == 1
            and m.candidates[0] in mention.candidates
        ):
            return replace(
                mention,
                candidates=m.candidates,
                resolved_by=tuple(dict.fromkeys([*m.resolved_by, PASSAGE_FACTS])),
            )
    return mention

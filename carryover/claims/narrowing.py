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
sample, sessions a week), whose trained exercises are all named, or whose groups' set counts are
all named ("one, three or five sets"), when no other candidate left does; when several share
facts, the one whose groups' set counts are all named, if it is the only one. When a stated
figure is against every candidate (a writer's wrong sample), the set counts alone may still
name one (`_by_sets_despite_a_figure`). When the whole evidence states a fact against every
candidate (a later sentence speaks of other people: "Earlier research shows that untrained
people ..."), and only then, the mention's own
sentence and the one after it are read alone (`near_evidence`): a writer describes a study right
after naming it. Anything less leaves the candidates as they were: the reader warns and guesses
nothing. The cue recorded is `passage facts`.

Pure: texts, mentions and the linker's study keys in, mentions out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from carryover.claims.linking import (
    Linker,
    StudyKey,
    StudyMention,
    _clash,
    _design_clashes,
    _population_clash,
    stated_facts,
)
from carryover.claims.set_groups import sets_stated

EVIDENCE_CHARS = 4000
"""How much text (in characters) from the mention's passage on is read as its evidence."""
NEAR_SENTENCES = 2
"""How many sentences from the mention on are read alone when the whole evidence cannot tell."""
_SENTENCE_END = re.compile(r"[.!?](?=\s+[\"“(]?[A-Z0-9])")
PASSAGE_FACTS = "passage facts"
"""The cue recorded when the passage's facts told the candidates apart."""


def narrow(linker: Linker, mention: StudyMention, evidence: str) -> StudyMention:
    """The mention with its candidates narrowed to the one the evidence describes (see module).

    A mention with one candidate or none is returned as it is.
    """
    if len(mention.candidates) < 2:
        return mention
    text = evidence[:EVIDENCE_CHARS]
    found, ruled_out = _narrowed(linker, mention, text)
    if found is None and ruled_out:
        near = near_evidence(text)
        if len(near) < len(text):
            found, _ = _narrowed(linker, mention, near)
    if found is None:
        return mention
    return replace(mention, candidates=(found,), resolved_by=(*mention.resolved_by, PASSAGE_FACTS))


def near_evidence(text: str, sentences: int = NEAR_SENTENCES) -> str:
    """The evidence's first `sentences` sentences (the mention's own and the next ones)."""
    end = 0
    for _ in range(sentences):
        m = _SENTENCE_END.search(text, end)
        if m is None:
            return text
        end = m.end()
    return text[:end]


def _narrowed(linker: Linker, mention: StudyMention, text: str) -> tuple[str | None, bool]:
    """The one candidate the text's facts, exercises or set counts speak for, if any.

    Also whether the text states a fact against every candidate.
    """
    stated = stated_facts(text)
    named = linker.exercises_in(text) if linker.exercises_in else set()
    keys = {k.study_id: k for k in linker.keys}
    left = [keys[c] for c in mention.candidates if c in keys and not _clash(stated, keys[c])]
    said_sets = set(sets_stated(text))
    fitting = [k for k in left if _fits(k, stated, named) or _sets_named(k, said_sets)]
    designed = [k for k in fitting if _sets_named(k, said_sets)]
    if len(fitting) > 1 and len(designed) == 1:
        fitting = designed  # every group's sets named: a design only that study had
    if not left:
        fitting = _by_sets_despite_a_figure(
            [keys[c] for c in mention.candidates if c in keys], stated, said_sets
        )
    return (fitting[0].study_id if len(fitting) == 1 else None), not left


def _fits(key: StudyKey, stated: set[str], named: set[str]) -> bool:
    """Whether stated facts or named exercises speak for a study (not its year alone)."""
    shared = {f for f in stated & key.facts if not f.startswith("year:")}
    return bool(shared) or (bool(key.trains) and key.trains <= named)


def _by_sets_despite_a_figure(
    candidates: list[StudyKey], stated: set[str], said_sets: set[int]
) -> list[StudyKey]:
    """The one candidate whose groups' sets the evidence names, despite figures against all.

    Every candidate has a stated figure against it ("45 men ... one, three or five sets" for a
    study of 34 men).

    A writer's wrong sample or duration is what the checker is for, so a figure against every
    candidate alone does not leave the mention unlinked when the design (every group's set
    count) names one of them. Never against the stated sex or training status, and only among
    the candidates with the fewest figures against them.
    """
    able = [k for k in candidates if not _population_clash(stated, k)]
    if not able:
        return []
    fewest = min(_design_clashes(stated, k) for k in able)
    designed = [
        k for k in able if _design_clashes(stated, k) == fewest and _sets_named(k, said_sets)
    ]
    return designed if len(designed) == 1 else []


def _sets_named(key: StudyKey, said: set[int]) -> bool:
    """Whether the evidence names every group's sets ('one, three or five sets': 1, 3 and 5).

    Only for a study whose groups differ by their sets per exercise.
    """
    return len(key.set_counts) >= 2 and key.set_counts <= said


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

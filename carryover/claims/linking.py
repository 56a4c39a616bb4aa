"""Which study a passage is about, from every cue the writer gives, and which cues decided it.

Cues read (each mention records the cues that decided it, its `resolved_by`):

- `doi` / `pmid` / `pmc`: an identifier in the text or in a link's target, matched exactly;
- `author`: a surname followed by "et al.", "and colleagues", "'s team", "(2019)", or after
  "researchers led by" / "a study by"; misspellings within a tolerance (rapidfuzz's normalised
  Indel similarity >= 80, e.g. "Hammmond", "Barbhalo");
- `journal`: the journal's name as cited, its expansion ("Int J Sports Med" -> "International
  Journal of Sports Medicine") or its initials ("IJSM");
- `year`: a year next to the mention narrows the candidates.

A study-like mention (author with "et al." or "and colleagues", a DOI) that fits no study of the
data is returned with no candidate (the reader warns `study_not_in_data`); two candidates the cues
cannot separate are returned with both (the reader warns and does not guess).

Pure: text and the studies' keys in, mentions out.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz, process

from carryover.claims.doers import SURNAME_DID
from carryover.claims.rep_ranges import reps_stated
from carryover.claims.set_groups import sets_stated
from carryover.claims.titles import TITLE_WINDOW, titled_study

AUTHOR_SIMILARITY = 80.0
"""The lowest rapidfuzz ratio (0-100) at which a written surname is taken for a known author."""

TITLE_SHARE = 1 / 3
"""The least share of a title's distinctive words (not shared by most titles, not population
words) a passage must hold for the title to count."""
TITLE_WORDS = 3
"""The least number of a title's distinctive words a passage must hold for the title to count
(two common words such as 'week' and 'performance' are no title)."""
DESCRIPTION_POINTS = 3.0
"""The least score (4 x that share, + 1 per population or design fact) at which an unnamed
description is taken for a study."""
DESCRIPTION_MARGIN = 0.5
"""How far the best description score must beat the next study's."""

_ABBREVIATIONS = {
    "int": "international", "j": "journal", "med": "medicine", "cond": "conditioning",
    "res": "research", "front": "frontiers", "physiol": "physiology", "eur": "european",
    "sci": "science", "exerc": "exercise", "appl": "applied", "biomech": "biomechanics",
    "hum": "human", "kinet": "kinetics", "am": "american", "phys": "physical",
    "ther": "therapy", "perform": "performance", "physiother": "physiotherapy",
    "rehabil": "rehabilitation", "clin": "clinical", "br": "british", "scand": "scandinavian",
    "biol": "biology", "nutr": "nutrition", "metab": "metabolism", "fit": "fitness",
}  # fmt: skip
_FILLER = r"(?:\s+(?:of|the|and|in|&|for))*\s+"
_NAME = r"[A-Z][A-Za-z'\u2019\-]+(?:\s(?:de|da|dos|van|von)\s[A-Z][A-Za-z'\u2019\-]+)?"
_STRONG_TAIL = re.compile(
    rf"(?P<name>{_NAME})(?:\s+et\.?\s+al\.?"
    r"|\s+and\s+(?:colleagues|co-?workers|coauthors|co-authors)"
    r"|\s+and\s+(?:his|her|their|a)\s+(?:team|colleagues|group\s+of\s+colleagues)"
    r"|['\u2019]s?\s+(?:team|group|lab|research group|study|trial|paper|research|work))"
)
_REFERENCE = re.compile(
    rf"(?<![;&]\s)(?<![;&])(?P<name>{_NAME}),\s+[A-Z]\.(?:\s?[A-Z]\.)?\s?;\s+{_NAME},\s+[A-Z]\."
)
"""An author list as a reference gives it: 'Wirth, K.; Hartmann, H.; ...' (the first is the
first author)."""
_REFERENCE_COMMAS = re.compile(
    rf"(?<![,;]\s)(?<![,;])(?P<name>{_NAME}),\s+[A-Z]{{1,3}}\.?,\s+(?:and\s+)?{_NAME},\s+"
    r"[A-Z]{1,3}\b\.?(?=,|\s+and\b|\.|$)"
)
"""An author list with commas only, the initials bare or dotted: 'Wirth, K, Hartmann, H, Sander,
A, ...', 'Contreras, B, Vigotsky, AD, ...' (the first is the first author). Not a strong cue: a
list of places ('Austin, TX, Dallas, TX') names no study, so one that fits none is passed over."""
_TITLED = re.compile(
    r"\b(?:scientist|researcher|professor|physiologist|author|expert|Dr\.?|Prof\.?)\s+"
    rf"(?:[A-Z][a-z]+\s+)?(?P<name>{_NAME})(?=\s+(?:published|and|of|at|from|in|ran|found|did|"
    r"showed|tested|compared|had|looked|led|conducted|recently|just|has\s+(?:just\s+|recently\s+)?"
    r"(?:finished|published|completed|run|conducted|shown|found|tested))\b)"
)
_YEAR_TAIL = re.compile(
    rf"(?P<name>{_NAME})(?:\s+(?:and|&)\s+(?P<second>{_NAME}))?\s*\("
    r"\s*(?P<year>(?:19|20)\d\d)[a-z]?\s*\)"
)
"""'Plotkin (2023)', 'Kikuchi and Nakazato (2017)': the first name is the first author. In
'Squats and Hammond (2019)' or 'Contreras and Hammond (2019)' the year is the second name's."""
_DASHED_REFERENCE = re.compile(
    rf"\s[\u2013\u2014-]\s*(?:19|20)\d\d\s*[\u2013\u2014-]\s*(?P<name>{_NAME})"
    r"(?=\s*$|\s*[.;,]|\s+[A-Z])"
)
"""A paper listed as 'Its title - 2016 - Kim' (title, year, first author), then a new line."""
_AUTHOR_PAIR = re.compile(
    rf"\b(?P<name>{_NAME})\s+(?:and|&)\s+(?P<second>{_NAME})\b(?!\s*\(\s*(?:19|20)\d\d)"
)
"""'Kikuchi and Nakazato ( 1 ) enlisted ...': two surnames with no year; a study only when the
first is its first author and the second one of its co-authors (two exercises or two places
joined by 'and' name no study)."""
_LED_BY = re.compile(
    r"\b(?:(?:led|headed|run|conducted|carried\s+out|done|directed)\s+by|"
    r"(?:study|trial|paper|research|work)\s+(?:by|from)|by)\s+(?:none\s+other\s+than\s+)?"
    rf"(?:Dr\.?\s+|Prof(?:essor)?\.?\s+)?(?:[A-Z][a-z]+\s+(?=[A-Z]))?(?P<name>{_NAME})"
)
DESCRIBING = (
    r"(?!(?:of|for|per|in|on|at|to|with|by|from|than|and|or|the|a|an|sets?|reps?|weeks?|days?|"
    r"months?|years?|hours?|kg|lbs?|pounds?|percent|times|more|fewer|less|other|its|their|"
    r"study|studies|trials?|papers?|reviews?)\b)"
    r"(?![\d\-]+(?![\w\-]))[\w\-]+"
)
"""A word that may stand between a count and the people it counts ('20 male college baseball
players'), but no preposition or unit ('12 sets for players', '4 weeks, trained men' count no
one), nor a bare numeral ('2020 2-2 Participants': a year, then a section number), nor a word
for the study or its owner ('A 2013 study split its participants' counts no one)."""
PEOPLE = (
    r"(?:participants|subjects|m[ae]n|wom[ae]n|males|females|athletes|players|lifters|people|"
    r"adults|adolescents|volunteers|girls|boys|individuals|students|trainees|guys|dudes|lads)"
)
"""The words that count people ('14 trained men', '22 participants'): one list for the reader,
the linker and the number accounting."""
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LONGER_NAME = re.compile(
    r"\b(?!(?:The|In|A|An|This|That|From|By|On|Of|And|Per|See|Its|Their)\s)[A-Z][a-z]+\s+$"
)
"""A capitalised word right before a journal's name: the name is part of a longer one."""
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s)\]>,;\"']+", re.I)
_PMC = re.compile(r"\bPMC\s?(\d{5,9})\b", re.I)
_PMID = re.compile(r"\bPMID:?\s?(\d{5,9})\b", re.I)
_NOT_NAMES = {
    "The", "This", "That", "These", "Those", "A", "An", "In", "On", "Researchers", "Scientists",
    "Study", "Studies", "Research", "Authors", "Both", "Each", "Their", "His", "Her", "Our",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "It", "We",
    "They", "Coaches", "Lifters", "Athletes",
}  # fmt: skip


@dataclass(frozen=True)
class StudyKey:
    """What identifies one study in prose."""

    study_id: str
    author: str | None
    year: int
    doi: str | None = None
    pmc: str | None = None
    pmid: str | None = None
    journal: str | None = None
    title: str | None = None
    facts: frozenset[str] = frozenset()
    """Population and design facts ('female', 'adolescent', 'untrained', 'soccer', 'weeks:6')."""
    coauthors: tuple[str, ...] = ()
    """Every author's surname after the first, from the citation."""
    trains: frozenset[str] = frozenset()
    """The exercises the study's groups trained (exercise ids)."""
    abbreviations: frozenset[str] = frozenset()
    """The groups' abbreviations as their labels give them ('SG', 'DG')."""
    group_sizes: frozenset[str] = frozenset()
    """Each group's size as a stated fact ('n:12'): 'Back squat (12 women)' is one of them."""
    added: frozenset[str] = frozenset()
    """The exercises added to usual training: trained by a group while another group (a
    control) trained none (see carryover.claims.designs)."""
    set_counts: frozenset[int] = frozenset()
    """The sets per exercise each group did, when the groups differ by them (1, 3 and 5 sets:
    see carryover.claims.set_groups.label_set_counts)."""


@dataclass(frozen=True)
class Description:
    """What a text says that can describe a study.

    Its words, stated facts, exercises named and group abbreviations used. Descriptions of
    consecutive passages add up (`union`).
    """

    words: frozenset[str]
    stated: frozenset[str]
    exercises: frozenset[str]
    labels: frozenset[str]
    study_words: bool
    length: int
    opening: str
    loose: frozenset[frozenset[str]] = frozenset()
    """The exercises each exercise name may stand for, ambiguous ones too ('squats': back or
    front squat), one set per distinct name."""

    @staticmethod
    def union(parts: Iterable[Description]) -> Description:
        """Several passages' descriptions as one (the opening is the first's)."""
        parts = list(parts)
        return Description(
            frozenset().union(*(p.words for p in parts)),
            frozenset().union(*(p.stated for p in parts)),
            frozenset().union(*(p.exercises for p in parts)),
            frozenset().union(*(p.labels for p in parts)),
            any(p.study_words for p in parts),
            sum(p.length for p in parts),
            parts[0].opening if parts else "",
            frozenset().union(*(p.loose for p in parts)),
        )


@dataclass(frozen=True)
class StudyMention:
    """A place where the text names a study: its candidates and the cues that decided them."""

    start: int
    end: int
    words: str
    candidates: tuple[str, ...]
    resolved_by: tuple[str, ...]
    kind: str = "author"
    """author, identifier or journal: what kind of words named the study."""


AUTHOR_JOURNAL_GAP = 80
"""Most characters between a cited author and the journal of the paper (co-authors, ", in the ")."""

_CO_AUTHORS_THEN_IN = re.compile(
    r"(?:[\s,;&.]|\band\b|\bet al\b|[A-Z][\w'\u2019-]*+)*(?:\b(?:published )?in(?: the)?\s*)?"
)
"""What may stand between a cited author and the paper's journal: more surnames, initials,
'et al.', then 'in' or 'published in the' ("Speirs, Bennett, Finn, & Turner, Journal of ...")."""


def journal_of(citation: str) -> str | None:
    """The journal in a Vancouver-style citation: the part before the one starting with a year."""
    parts = [p.strip() for p in re.split(r"\.\s+", citation) if p.strip()]
    for i, part in enumerate(parts):
        if i and re.match(r"(?:19|20)\d\d\b", part):
            return parts[i - 1].rstrip(".")
    return None


_WORD_START = re.compile(r"(?<!\w)\w")
"""A word's first character."""


def word_start_matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that can only match from a word's first character.

    The pattern is tried at the start of each word only, not at every character: the same
    matches, found without scanning each character against every alternative.
    """
    resume = 0
    for word in _WORD_START.finditer(text):
        if word.start() < resume:
            continue
        found = pattern.match(text, word.start())
        if found is not None:
            yield found
            resume = found.end()


def journal_pattern(journal: str) -> re.Pattern[str]:
    """Prose forms of a journal: as cited, expanded, shortened and as initials.

    Expanded: 'Int J Sports Med' as 'International Journal of Sports Medicine'; shortened: a long
    name with one inner word left out.
    """
    words = re.findall(r"[A-Za-z]+", journal)
    expanded = [_ABBREVIATIONS.get(w.lower(), w.lower()) for w in words]
    # a plural the abbreviation hides ("Eur J Sport Sci" is written "... Sports Science")
    forms = {re.escape(journal), _FILLER.join(re.escape(w) + "s?" for w in expanded)}
    if len(expanded) >= 4:
        # a long name with one inner word left out, as writers shorten it ("Journal of Exercise
        # & Fitness" for the Journal of Exercise Science & Fitness)
        for skip in range(1, len(expanded) - 1):
            kept = expanded[:skip] + expanded[skip + 1 :]
            forms.add(_FILLER.join(re.escape(w) + "s?" for w in kept))
    initials = "".join(w[0] for w in words if w[0].isupper())
    if len(initials) >= 3 and len(words) > 1:
        forms.add(re.escape(initials))
    body = "|".join(sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.I)


_FACT_WORDS = {
    "female": r"wom[ae]n|females?|girls?|ladies",
    "male": r"(?<!fe)males?|(?<!wo)m[ae]n\b|boys?",
    "adolescent": r"adolescents?|high[\s-]school|teen(?:age)?(?:rs?)?|youth|boys|girls",
    "untrained": r"untrained|novices?|beginners|never (?:lifted|trained|done)|no (?:prior )?"
    r"(?:training|resistance[\s-]training) experience",
    "trained": r"(?<!un)(?<!un-)trained (?:wom[ae]n|m[ae]n|lifters|participants|females|males)|"
    r"well[\s-]trained|experienced lifters|recreationally trained",
    "soccer": r"soccer|football(?:ers)?",
    "college": r"college|university|undergraduates?",
}
_FACT_RES = {name: re.compile(rf"\b(?:{body})", re.I) for name, body in _FACT_WORDS.items()}
_CONFLICTS = (("female", "male"), ("trained", "untrained"))
_STOP = {
    "with", "from", "that", "this", "upon", "into", "than", "versus", "effects", "effect",
    "training", "program", "programs", "study", "randomized", "controlled", "trial",
}  # fmt: skip
_ACTIVITY = re.compile(
    r"\b(?:EMG|electromyograph\w*|electrodes?|(?:muscle|muscular|glute|gluteal|gluteus)\s+"
    r"(?:activity|activation)|activ(?:e|ity|ation)\s+(?:in|during|with|than|of)\b|"
    r"(?:more|most|less|least)\s+active)",
    re.IGNORECASE,
)
"""Words of a sentence about muscle activity during a lift ('the glutes were more active in hip
thrusts than in front squats', 'EMG', 'electrodes'): its exercises were measured in one visit,
not trained by a study's groups."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[\"'])")


def training_text(text: str) -> str:
    """A text without its sentences about muscle activity (see _ACTIVITY).

    What is left holds the exercises that may describe a training study's groups. Linear: one
    split, one search per sentence.
    """
    kept = [s for s in _SENTENCE_END.split(text) if not _ACTIVITY.search(s)]
    return " ".join(kept)


_FUTURE_RESEARCH = re.compile(
    r"\b(?:more|further|future|additional|new)\s+(?:research|studies|work|trials)\s+"
    r"(?:is|are|will\s+be)\s+(?:needed|required|warranted)\b|\bfuture\s+(?:research|studies)\b",
    re.IGNORECASE,
)
"""A sentence about research still to be done ('More research is needed ..., including studies
of women, older adults and beginners'): the people it names are not the study's."""


def present_text(text: str) -> str:
    """A text without its sentences about research still to be done (see _FUTURE_RESEARCH)."""
    if not _FUTURE_RESEARCH.search(text):
        return text
    return " ".join(s for s in _SENTENCE_END.split(text) if not _FUTURE_RESEARCH.search(s))


_STUDY_WORDS = re.compile(
    r"\b(?:study|studies|trial|research(?:ers)?|paper|preprint|authors|participants|subjects|"
    r"investigation|experiment|journal|published)\b",
    re.I,
)


def facts_of(text: str) -> set[str]:
    """The population facts a text states ('female', 'adolescent', 'untrained', ...)."""
    found = {name for name, pattern in _FACT_RES.items() if pattern.search(text)}
    if (
        "female" in found
        and "male" in found
        and not re.search(r"\bm[ae]n and wom|males? and fem", text, re.I)
    ):
        found.discard("male")  # "women" is also matched by the male words' neighbours
    return found


def authors_of(citation: str) -> tuple[str, ...]:
    """The authors' surnames in a Vancouver-style citation ('Plotkin DL, Rodas MA, ...')."""
    head = re.split(r"\.\s+", citation, maxsplit=1)[0]
    if head.lower().startswith("authors"):
        return ()
    names = []
    for part in head.split(","):
        m = re.match(r"\s*(.+?)\s+[A-Z]{1,3}$", part.strip())
        if m:
            names.append(m.group(1))
    return tuple(names)


def title_of(citation: str) -> str | None:
    """The title in a Vancouver-style citation: the part after the authors, before the journal."""
    parts = [p.strip() for p in re.split(r"\.\s+", citation) if p.strip()]
    journal = journal_of(citation)
    if journal is None or journal not in parts:
        return None
    body = parts[1 : parts.index(journal)]
    return ". ".join(body) or None


def _content(text: str) -> set[str]:
    """A text's content words, singular ('muscles' -> 'muscle'; 'press' stays 'press')."""
    return {
        w[:-1] if w.endswith("s") and not w.endswith("ss") else w
        for w in re.findall(r"[a-z]+", text.lower())
        if len(w) > 3 and w not in _STOP
    }


def content_words(text: str) -> set[str]:
    """A text's content words, singular, as titles are compared (see `_content`)."""
    return _content(text)


_FIELD_WORDS = frozenset(
    {"resistance", "training", "trained", "hypertrophy", "strength", "muscle", "muscular"}
)
"""Words nearly every strength-training title and article uses: they tell no study apart, however
few studies the data holds ('Resistance Training Volume Enhances Muscle Hypertrophy ...' must not
be named by a text that says 'resistance-trained' and 'hypertrophy')."""


def _title_words(title: str, alias_words: set[str]) -> set[str]:
    """A title's words that can tell it apart from other titles.

    Not population words ('high school', 'women'), which count as facts, not exercise names,
    which count as the design, and not the field's own words (_FIELD_WORDS).
    """
    for pattern in _FACT_RES.values():
        title = pattern.sub(" ", title)
    return _content(title) - alias_words - _FIELD_WORDS


def keys_from_rows(rows: Iterable[tuple[Any, ...]]) -> list[StudyKey]:
    """Study keys from (study_id, citation, year, doi[, population, n, weeks]) rows."""
    keys = []
    for row in rows:
        study_id, citation, year, doi = row[:4]
        population, n, weeks, sessions = (list(row[4:8]) + [None] * 4)[:4]
        first = re.match(r"\s*([^\s,.]+(?:[\s-][A-Z][a-z]+)?)\s+[A-Z]{1,3}\b", citation)
        author = first.group(1) if first and not citation.lower().startswith("authors") else None
        pmc = _PMC.search(citation)
        pmid = _PMID.search(citation)
        keys.append(
            StudyKey(
                study_id,
                author,
                int(year),
                doi.lower() if doi else None,
                pmc.group(1) if pmc else None,
                pmid.group(1) if pmid else None,
                journal_of(citation),
                title_of(citation),
                frozenset(
                    facts_of(f"{population or ''} {title_of(citation) or ''}")
                    | ({f"weeks:{int(weeks)}"} if weeks else set())
                    | ({f"n:{int(n)}"} if n else set())
                    | ({f"sessions:{int(sessions)}"} if sessions else set())
                ),
                authors_of(citation)[1:],
            )
        )
    return keys


class Linker:
    """Finds study mentions in sentences, for one set of studies."""

    def __init__(
        self,
        keys: Iterable[StudyKey],
        exercises_in: Callable[[str], set[str]] | None = None,
        alias_words: Iterable[str] = (),
    ) -> None:
        self.keys = list(keys)
        self.exercises_in = exercises_in
        """The exercise ids a text names unambiguously (None: exercises are no cue)."""
        self.exercise_names: Callable[[str], set[frozenset[str]]] | None = None
        """The exercise ids each exercise name of a text may stand for, ambiguous ones too."""
        self.alias_words = _content(" ".join(alias_words))
        """Words of exercise names ('back', 'bench', 'thrust'): no title evidence."""
        labels = sorted({a for k in self.keys for a in k.abbreviations}, key=len, reverse=True)
        self.all_labels = (
            re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, labels))})(?![\w-])")
            if labels
            else None
        )
        """Every group abbreviation of the studies ('SG', 'DG'), written as a word."""
        self.whole_titles = {k.study_id: _content(k.title or "") for k in self.keys}
        self.years = {k.study_id: k.year for k in self.keys}
        self.authors = sorted({k.author for k in self.keys if k.author})
        titles = [_title_words(k.title or "", self.alias_words) for k in self.keys]
        self.common = (
            {w for w in set().union(*titles) if 2 * sum(w in t for t in titles) > len(titles)}
            if len(titles) >= 3
            else set()
        )
        """Title words most studies share ('squat', 'thrust'): they tell no study apart."""
        self.designs = Counter(k.trains for k in self.keys)
        """How many studies trained each set of exercises."""
        self.set_designs = Counter(k.set_counts for k in self.keys if k.set_counts)
        """How many studies' groups did each set of set counts (1, 3 and 5 sets)."""
        self.titles = {
            k.study_id: words - self.common for k, words in zip(self.keys, titles, strict=True)
        }
        self.journals = [(journal_pattern(k.journal), k.study_id) for k in self.keys if k.journal]
        self._any_journal = (
            re.compile("|".join(f"(?:{p.pattern})" for p, _ in self.journals), re.I)
            if self.journals
            else None
        )
        """Every journal's forms in one pattern: one pass over a sentence finds where any is."""
        self._word_starts = all(_WORD_START.match(k.journal) for k in self.keys if k.journal)
        """Every journal's forms begin with a word character, after none: only a word's first
        character can start one (`_journal_matches` tries no other place)."""

    def _by_author(self, name: str, first_only: bool = True) -> list[StudyKey]:
        """Studies whose first author (or, unless first_only, any author) is that surname.

        Misspellings within the tolerance count (AUTHOR_SIMILARITY).
        """
        if not self.authors:
            return []
        best = process.extractOne(name, self.authors, scorer=fuzz.ratio)
        hits = []
        if best is not None and best[1] >= AUTHOR_SIMILARITY:
            hits = [k for k in self.keys if k.author == best[0]]
        if first_only:
            return hits
        for k in self.keys:
            if k in hits or not k.coauthors:
                continue
            near = process.extractOne(name, k.coauthors, scorer=fuzz.ratio)
            if near is not None and near[1] >= AUTHOR_SIMILARITY:
                hits.append(k)
        return hits

    def mentions(self, text: str) -> list[StudyMention]:
        """Every study mention in a sentence, in order (overlapping cues merged)."""
        return list(_mentions(self, text))

    def _read_mentions(self, text: str) -> list[StudyMention]:
        """`mentions`, read afresh."""
        found: list[StudyMention] = []
        ids = self._identifiers(text)
        found += ids
        journals = [  # a journal's name inside a DOI ("10.7717/peerj.7337") is part of it
            m
            for m in self._journals(text)
            if not any(i.start <= m.start and m.end <= i.end for i in ids)
        ]
        found += _outside_journals(self._authors(text), journals)
        found += journals
        found.sort(key=lambda m: m.start)
        found = [self._titled(m, text) for m in found]
        if any(not m.candidates and m.kind == "author" for m in found):
            # a named paper not in the data: a journal in the same sentence is that paper's
            found = [m for m in found if m.kind != "journal"]
        found = [m for m in found if not self._clashes(m, text)]
        found = [self._authors_journal(m, found, text) for m in found]
        merged: list[StudyMention] = []
        for m in found:
            if merged and m.start < merged[-1].end + 40 and _compatible(merged[-1], m):
                merged[-1] = _merge(merged[-1], m)
            else:
                merged.append(m)
        # a journal several studies share, in a sentence that names one of them otherwise
        # ("Wirth, K.; ... in the Journal of Strength & Conditioning Research"): that one
        named = {m.candidates[0] for m in merged if len(m.candidates) == 1 and m.kind != "journal"}
        return [
            replace(m, candidates=tuple(c for c in m.candidates if c in named))
            if m.kind == "journal" and len(m.candidates) > 1 and named & set(m.candidates)
            else m
            for m in merged
        ]

    def _authors_journal(
        self, mention: StudyMention, found: list[StudyMention], text: str
    ) -> StudyMention:
        """A journal right after an author list that names one study published in it: that study.

        "Speirs, Bennett, Finn, & Turner, in Journal of Strength & Conditioning Research (2015)"
        cites one paper. When the year beside the journal picks another study of the journal
        (the paper was online a year before its issue), the authors decide; the year may be
        one either side of the study's. A journal the named study was not published in, or a
        year further off, is left as it was.
        """
        if mention.kind != "journal":
            return mention
        before = [
            m
            for m in found
            if m.kind == "author"
            and len(m.candidates) == 1
            and m.end <= mention.start < m.end + AUTHOR_JOURNAL_GAP
            and _CO_AUTHORS_THEN_IN.fullmatch(text, m.end, mention.start)
        ]
        if not before or before[-1].candidates[0] in mention.candidates:
            return mention
        study = before[-1].candidates[0]
        if not any(
            sid == study and pattern.match(text, mention.start) for pattern, sid in self.journals
        ):
            return mention
        years = _years_beside(text, mention.start, mention.end)
        keys = [k for k in self.keys if k.study_id == study]
        if years and not any(_near_year(keys, year) for year in years):
            return mention
        return replace(mention, candidates=(study,), resolved_by=("journal", "authors"))

    def _titled(self, mention: StudyMention, text: str) -> StudyMention:
        """An author-like mention no study has, right after a study's whole title: that study.

        'In Resistance Training Volume Enhances ... in Trained Men (2019)': see
        carryover.claims.titles.
        """
        if mention.candidates or mention.kind != "author":
            return mention
        before = _content(text[max(0, mention.start - TITLE_WINDOW) : mention.end])
        study = titled_study(before, mention.words, self.whole_titles, self.years)
        if study is None:
            return mention
        return replace(mention, candidates=(study,), resolved_by=("title",))

    def describe(self, text: str) -> Description:
        """What a text says that can describe a study (see `by_description`).

        The exercises are those named outside sentences about muscle activity (`training_text`).
        """
        trained = training_text(text)
        return Description(
            frozenset(_content(text)),
            frozenset(stated_facts(present_text(text)) | {f"sets:{n}" for n in sets_stated(text)}),
            frozenset(self.exercises_in(trained) if self.exercises_in else ()),
            frozenset(self.all_labels.findall(text)) if self.all_labels else frozenset(),
            bool(_STUDY_WORDS.search(text)),
            len(text),
            text[:60],
            frozenset(self.exercise_names(trained)) if self.exercise_names else frozenset(),
        )

    def by_description(
        self, text: str | Description, among: tuple[str, ...] = ()
    ) -> StudyMention | None:
        """The study a passage describes without naming it ("A study of 24 trained women...").

        Each study is scored by the share of its title's words present (cue `title`), its
        population and design facts (cue `population`: sex, age band, training status, sport,
        weeks, sample size, sessions a week), the exercises its groups trained (`exercises`),
        its groups' abbreviations (`group labels`) and its year (`year`). The other sex or
        training status rules a study out; a sample, duration or frequency against it costs a
        point. Returns the best study when it clearly beats the next, else None.

        A `Description` (several passages' together, `Description.union`) may be given instead
        of a text. `among`, when given, are the only studies it may be (the candidates of a
        name several studies share, "Brad Schoenfeld"): a description of another study is not
        taken.
        """
        scored = self._description_scores(text)
        if among:
            scored = [s for s in scored if s[1] in among]
        if not scored or (len(scored) > 1 and scored[1][0] > scored[0][0] - DESCRIPTION_MARGIN):
            return None
        seen = self.describe(text) if isinstance(text, str) else text
        return StudyMention(0, 0, seen.opening, (scored[0][1],), scored[0][2])

    def description_tie(self, text: str | Description) -> tuple[str, ...]:
        """The studies a description fits too equally to tell apart (else empty).

        Two or more studies reach DESCRIPTION_POINTS and the best does not beat the next by
        DESCRIPTION_MARGIN: the text describes one of them, but its cues cannot say which (a
        study known only as "a study of trained women doing squats and hip thrusts for 12 weeks"
        when two such studies are in the data). Best first; equal scores by study id.
        """
        scored = self._description_scores(text)
        if len(scored) < 2 or scored[1][0] <= scored[0][0] - DESCRIPTION_MARGIN:
            return ()
        best = scored[0][0]
        close = [
            (-points, study) for points, study, _ in scored if points > best - DESCRIPTION_MARGIN
        ]
        return tuple(study for _, study in sorted(close))

    def _description_scores(
        self, text: str | Description
    ) -> list[tuple[float, str, tuple[str, ...]]]:
        """Every study a description reaches DESCRIPTION_POINTS for, best first, with its cues."""
        seen = self.describe(text) if isinstance(text, str) else text
        if not seen.study_words and seen.length > 160:
            return []
        words, stated, named = seen.words, seen.stated, seen.exercises
        said_sets = {int(f[5:]) for f in stated if f.startswith("sets:")}
        stated = frozenset(f for f in stated if not f.startswith("sets:"))
        scored = []
        for k in self.keys:
            title = self.titles[k.study_id]
            shared = len(title & words)
            share = shared / len(title) if len(title) >= 4 and shared >= TITLE_WORDS else 0.0
            facts = stated & k.facts
            if _population_clash(stated, k):
                continue
            # a sample, duration or frequency stated against the study costs a point: one
            # wrong figure in an article about the study (the error to catch) must not hide it
            against = _design_clashes(stated, k)
            title_points = 4 * share if share >= TITLE_SHARE else 0.0
            whole = self.whole_titles[k.study_id]
            if len(whole) >= 5 and len(whole & words) >= 0.85 * len(whole):
                title_points = 4.0  # the paper's title itself, as a heading or a citation
            # the exercises the groups trained, all named: a design fact ("hip thrust vs squat"),
            # worth two points when no other study trained the same exercises
            design = (len(k.trains) >= 2 and k.trains <= named) * (
                2 if self.designs[k.trains] == 1 else 1
            )
            if not design and len(k.trains) >= 2 and named_apart(k.trains, seen.loose):
                design = 1  # 'squats or hip thrusts': each trained exercise by a name of its own
            # every group's own abbreviation used ("SG: n = 10 ... DG: n = 12")
            labels = len(k.abbreviations) >= 2 and k.abbreviations <= seen.labels
            # every group's sets named ("one set", "three or five sets"): a design fact, worth
            # two points when no other study's groups did the same sets
            sets = (len(k.set_counts) >= 2 and k.set_counts <= said_sets) * (
                2 if self.set_designs[k.set_counts] == 1 else 1
            )
            cues_design: tuple[str, ...]
            if sets:
                design += sets
                cues_design = ("exercises", "sets") if design > sets else ("sets",)
            else:
                cues_design = ("exercises",) if design else ()
            cues = (
                (("title",) if title_points else ())
                + (("population",) if facts else ())
                + cues_design
                + (("group labels",) if labels else ())
            )
            # the year the text gives for the study ("run in 2018"): a cue, never a clash (the
            # text may give a publication's online year, or the year of another paper)
            year = f"year:{k.year}" in stated
            if year:
                cues += ("year",)
            points = title_points + len(facts) + design + labels + year - against
            if points >= DESCRIPTION_POINTS:
                scored.append((points, k.study_id, cues))
        scored.sort(reverse=True)
        return scored

    def shares_facts(self, study_id: str, text: str) -> bool:
        """Whether a text states a fact of a study (population, design) and none against it."""
        key = next((k for k in self.keys if k.study_id == study_id), None)
        if key is None:
            return False
        stated = stated_facts(text)
        if _clash(stated, key):
            return False
        named = self.exercises_in(text) if self.exercises_in else set()
        return bool(stated & key.facts) or (len(key.trains) >= 2 and key.trains <= named)

    def contradicts(self, study_id: str, text: str) -> bool:
        """Whether a text states facts that contradict a study's (another sample, duration...)."""
        key = next((k for k in self.keys if k.study_id == study_id), None)
        # a group's size ('Back squat (12 women)') is the study's too, not another sample
        return key is not None and _clash(stated_facts(text) - key.group_sizes, key)

    def _clashes(self, mention: StudyMention, text: str) -> bool:
        """A journal-only mention whose study the sentence's stated facts contradict."""
        if mention.kind != "journal" or len(mention.candidates) != 1:
            return False
        key = next(k for k in self.keys if k.study_id == mention.candidates[0])
        return _clash(stated_facts(text), key)

    def _identifiers(self, text: str) -> list[StudyMention]:
        out = []
        for pattern, field, cue in (
            (_DOI, "doi", "doi"),
            (_PMC, "pmc", "pmc"),
            (_PMID, "pmid", "pmid"),
        ):
            for m in pattern.finditer(text):
                value = (m.group(0) if field == "doi" else m.group(1)).rstrip(".").lower()
                hits = tuple(k.study_id for k in self.keys if getattr(k, field) == value)
                cues = (cue,) if hits else ()
                out.append(StudyMention(m.start(), m.end(), m.group(0), hits, cues, "identifier"))
        return out

    def _authors(self, text: str) -> list[StudyMention]:
        out = []
        patterns = (
            (_STRONG_TAIL, True),
            (_YEAR_TAIL, True),
            (_TITLED, True),
            (_REFERENCE, True),
            (_DASHED_REFERENCE, True),
            (_REFERENCE_COMMAS, False),
            (_LED_BY, False),
            (_AUTHOR_PAIR, False),
            (SURNAME_DID, False),
        )
        stated: set[str] | None = None  # worked out only when two studies share an author
        for pattern, strong in patterns:
            for m in pattern.finditer(text):
                name = (
                    m.group("name").rstrip("'\u2019s")
                    if "'" in m.group("name")
                    else m.group("name")
                )
                if name in _NOT_NAMES or _institution(text, m.start("name"), m.end("name")):
                    continue
                et_al = pattern in (
                    _YEAR_TAIL,
                    _REFERENCE,
                    _DASHED_REFERENCE,
                    _REFERENCE_COMMAS,
                    SURNAME_DID,
                ) or re.search(r"et\.?\s+al|colleagues|co-?workers|co-?authors", m.group(0))
                hits = self._by_author(name, first_only=bool(et_al))
                if pattern is _AUTHOR_PAIR:
                    hits = _with_coauthor(self._by_author(name), m.group("second"))
                if pattern is _YEAR_TAIL:
                    # the year in the parenthesis is the study's: a first name of another year
                    # (or of no study) gives way to the second name's study of that year
                    year = int(m.group("year"))
                    second = (
                        self._by_author(m.group("second"), first_only=True)
                        if m.group("second")
                        else []
                    )
                    hits = (
                        [k for k in hits if k.year == year]
                        or [k for k in second if k.year == year]
                        or _near_year(hits, year)
                        or _near_year(second, year)
                    )
                if len(hits) > 1:  # any author: the sentence's facts tell the studies apart
                    stated = stated_facts(text) if stated is None else stated
                    hits = [k for k in hits if not _clash(stated, k)] or hits
                if not hits and not strong:
                    continue
                if pattern is SURNAME_DID and len(hits) > 1:
                    continue  # a bare surname its sentence cannot tie to one study: no cue
                year_match = _YEAR.search(text[m.start() : m.end() + 30])
                cues = ["author"] if hits else []
                if year_match and len(hits) > 1:
                    narrowed = [k for k in hits if k.year == int(year_match.group(0))]
                    if narrowed:
                        hits, cues = narrowed, [*cues, "year"]
                out.append(
                    StudyMention(
                        m.start("name"),
                        m.end(),
                        m.group(0),
                        tuple(k.study_id for k in hits),
                        tuple(cues),
                    )
                )
        return out

    def _journal_matches(self, text: str) -> Iterator[re.Match[str]]:
        """`_any_journal.finditer(text)`, tried only where a word starts when that is enough."""
        assert self._any_journal is not None
        if not self._word_starts:
            yield from self._any_journal.finditer(text)
            return
        yield from word_start_matches(self._any_journal, text)

    def _journals(self, text: str) -> list[StudyMention]:
        by_span: dict[tuple[int, int], list[str]] = {}
        if self._any_journal is None:
            return []
        for found in self._journal_matches(text):
            # which journals are named here (several may share a name)
            for pattern, study_id in self.journals:
                m = pattern.match(text, found.start())
                if m is not None:
                    by_span.setdefault((m.start(), m.end()), []).append(study_id)
        out = []
        for (start, end), ids in by_span.items():
            if _LONGER_NAME.search(text, max(0, start - 30), start):
                continue  # "European Journal of Sports Science" is not "Journal of Sports Science"
            cues = ["journal"]
            years = _years_beside(text, start, end)
            off_by_one = self._journal_year_off_by_one(ids, years, text) if years else None
            if off_by_one is not None:
                ids, cues = [off_by_one], [*cues, "facts", "year either side"]
            elif len(ids) > 1 and years:
                narrowed = [
                    i for i in ids if any(k.year in years for k in self.keys if k.study_id == i)
                ]
                if narrowed:
                    ids, cues = narrowed, [*cues, "year"]
            elif years:
                if not any(k.year in years for k in self.keys if k.study_id in ids):
                    continue  # the same journal in another year: another paper
                cues.append("year")
            out.append(
                StudyMention(start, end, text[start:end], tuple(ids), tuple(cues), "journal")
            )
        return out

    def _journal_year_off_by_one(
        self, ids: list[str], years: AbstractSet[int], text: str
    ) -> str | None:
        """The journal's study a year either side of the year given, when the facts say so.

        A paper online a year before its issue is cited with either year ("The Journal of
        Strength & Conditioning Research in 2016 ... after 6 weeks" for a 2017 issue). Taken
        only when no study of the journal in the year given shares a stated fact without one
        against it, and exactly one study of the journal a year either side does (its weeks,
        sample, population), with none against it.
        """
        stated = {f for f in stated_facts(text) if not f.startswith("year:")}
        if not stated:
            return None
        keys = [k for k in self.keys if k.study_id in ids]

        def fits(k: StudyKey) -> bool:
            return bool(stated & k.facts) and not _clash(stated, k)

        if any(fits(k) for k in keys if k.year in years):
            return None
        near = [
            k
            for k in keys
            if k.year not in years and any(abs(k.year - y) == 1 for y in years) and fits(k)
        ]
        return near[0].study_id if len(near) == 1 else None


_INSTITUTION_AFTER = re.compile(
    r"\s+(?:University|College|Institute|Hospital|Clinic|School|Medical|Centre|Center)\b"
)
_INSTITUTION_BEFORE = re.compile(r"\b(?:University|College|Institute)\s+of\s+$")


def _institution(text: str, start: int, end: int) -> bool:
    """Whether a surname is part of an institution's name, not one of the study's authors.

    'McMaster University', 'the University of Tampa': the place a study ran at.
    """
    return bool(
        _INSTITUTION_AFTER.match(text, end)
        or _INSTITUTION_BEFORE.search(text[max(0, start - 20) : start])
    )


def _years_beside(text: str, start: int, end: int) -> set[int]:
    """The years written around a journal's name ('(2015)' after it, 'In 2016, ...' before it)."""
    return {int(y) for y in _YEAR.findall(text[max(0, start - 60) : end + 30])}


def _outside_journals(
    authors: list[StudyMention], journals: list[StudyMention]
) -> list[StudyMention]:
    """Author mentions, less the unknown 'names' that are a journal's last word.

    "the Journal of Human Kinetics (2020)" reads like "Kinetics (2020)", a surname and a year.
    """
    return [
        m for m in authors if m.candidates or not any(j.start <= m.start < j.end for j in journals)
    ]


def _with_coauthor(keys: list[StudyKey], second: str) -> list[StudyKey]:
    """The studies first-authored by a name that list the second name among their co-authors."""
    return [k for k in keys if second in k.coauthors]


def _near_year(keys: list[StudyKey], year: int) -> list[StudyKey]:
    """The studies of a year either side (a paper online before its issue is cited by both)."""
    return [k for k in keys if abs(k.year - year) <= 1]


def named_apart(trains: AbstractSet[str], names: AbstractSet[frozenset[str]]) -> bool:
    """Whether every exercise a study trained is named, each by a name of its own.

    A name may be ambiguous ('squats': a back or a front squat), but one name stands for one
    exercise only: 'squats' alone does not name a back squat and a front squat study.
    """
    wanted = sorted(trains)
    fits = [[n for n in names if exercise in n] for exercise in wanted]

    def assign(k: int, used: frozenset[frozenset[str]]) -> bool:
        if k == len(wanted):
            return True
        return any(assign(k + 1, used | {n}) for n in fits[k] if n not in used)

    return len(wanted) <= 4 and assign(0, frozenset())


def _compatible(a: StudyMention, b: StudyMention) -> bool:
    """Whether two cues close together name one study.

    They do when their candidates meet, or when one is an identifier the data does not hold
    beside a named study (the study's DOI is not recorded).
    """
    if bool(set(a.candidates) & set(b.candidates)):
        return True
    unknown_id = [m for m in (a, b) if m.kind == "identifier" and not m.candidates]
    return len(unknown_id) == 1 and any(m.candidates for m in (a, b))


def _merge(a: StudyMention, b: StudyMention) -> StudyMention:
    if a.candidates and b.candidates:
        both = tuple(c for c in a.candidates if c in b.candidates)
    else:
        both = a.candidates or b.candidates
    cues = tuple(dict.fromkeys([*a.resolved_by, *b.resolved_by]))
    words = f"{a.words} ... {b.words}"
    kind = a.kind if a.candidates else b.kind
    return StudyMention(min(a.start, b.start), max(a.end, b.end), words, both, cues, kind)


def stated_facts(text: str) -> set[str]:
    """Population facts and design numbers a text states ('weeks:9', 'n:34', 'sessions:2')."""
    return set(_stated_facts(text))


@functools.lru_cache(maxsize=64)
def _mentions(linker: Linker, text: str) -> tuple[StudyMention, ...]:
    """`Linker.mentions`, kept for the last few texts.

    A passage of one sentence is asked about as a passage and as that sentence. Mentions use
    only what a linker is built with (its study keys, journals and authors), never changed after.
    """
    return tuple(linker._read_mentions(text))


@functools.lru_cache(maxsize=16)
def _stated_facts(text: str) -> frozenset[str]:
    """`stated_facts`, kept for the last few texts: a sentence is asked about once per study."""
    people = rf"\s+(?:{DESCRIBING}\s+){{0,4}}?{PEOPLE}\b"
    sessions = r"\s+(?:(?:days?|times?|sessions?)\s+)?(?:a|per|each)\s+week|[\s-]weekly"
    return frozenset(
        facts_of(text)
        | {f"year:{y}" for y in _YEAR.findall(text)}
        | {f"weeks:{int(n)}" for n in _numbers_before(text, r"[\s-]weeks?\b")}
        | {f"n:{int(n)}" for n in _numbers_before(text, people)}
        | {f"n:{int(n)}" for n in _numbers_before(text, _COMPLETERS)}
        | {f"sessions:{int(n)}" for n in _numbers_before(text, sessions)}
        | reps_stated(text)
    )


_COMPLETERS = r"\s+(?:(?:of\s+them|participants|subjects)\s+)?(?:completed|finished)\s+the\b"
"""'(only 22 completed the programme)', '20 of them finished the study': the sample analysed."""


def _clash(stated: set[str], key: StudyKey) -> bool:
    """Whether stated facts contradict a study's.

    They do when they state the other sex or training status, or a sample, duration or weekly
    frequency none of whose stated values is the study's.
    """
    return _population_clash(stated, key) or _design_clashes(stated, key) > 0


def _population_clash(stated: AbstractSet[str], key: StudyKey) -> bool:
    """Whether stated facts give the other sex or training status than the study's."""
    return any(
        (a in stated and b in key.facts and a not in key.facts)
        or (b in stated and a in key.facts and b not in key.facts)
        for a, b in _CONFLICTS
    )


def _design_clashes(stated: AbstractSet[str], key: StudyKey) -> int:
    """How many of the sample, duration and weekly frequency the text states against the study's.

    One is against it when none of the stated values is the study's. The year never is, nor
    a repetition range (carryover.claims.rep_ranges: a writer's textbook ranges name no study).
    """
    count = 0
    for kind in {f.split(":")[0] for f in stated if ":" in f} - {"year", "reps"}:
        own = {f for f in key.facts if f.startswith(f"{kind}:")}
        said = {f for f in stated if f.startswith(f"{kind}:")}
        if own and not own & said:
            count += 1
    return count


@functools.cache
def _before(tail: str) -> re.Pattern[str]:
    """A number (digits or a number word) followed by the tail; compiled once per tail."""
    from carryover.claims.numbers import NUMBER_WORD

    return re.compile(rf"(?<![\w.])(?<![A-Za-z]-)(\d+|{NUMBER_WORD})(?={tail})", re.IGNORECASE)


def _numbers_before(text: str, tail: str) -> list[float]:
    """Numbers (digits or words) written right before a pattern ('nine weeks' -> 9)."""
    from carryover.claims.numbers import word_value

    out = []
    for m in _before(tail).finditer(text):
        raw = m.group(1)
        value = float(raw) if raw.isdigit() else word_value(raw)
        if value is not None:
            out.append(value)
            low = _RANGE_START.search(text, max(0, m.start() - 12), m.start())
            if low is not None:  # "2-3 days per week": both ends are stated
                out.append(float(low.group(1)))
    return out


_RANGE_START = re.compile(r"\b(\d+)\s*(?:[-\u2013\u2014]|to)\s*$")

"""Read claims straight from article text (Markdown or plain text).

An article is read passage by passage (a paragraph hard-wrapped over several lines is one passage)
and sentence by sentence, keeping for every character the line it came from, so a claim's line is
the line where its figure stands. Context carries across sentences the way a reader's does:

- the current study: introduced by its first author ("a study by Hammond et al."), kept until
  another is introduced; a comparison ("like the Hammond et al. study") does not switch it;
- the current group: named by what it trained ("the squat group", "the BHT group"), resolved within
  the current study through groups.csv and the exercises' aliases; "they"/"their" continue it;
- the current measure: the last repetition-maximum test named for the current study.

A figure becomes a claim only with a study, a change word ("increased", "gained", "rose", ...), a
group and an exercise around it. Training loads ("an 80% one-rep max load"), week numbers ("in
weeks 4 and 5"), discounts ("20% off") and trial lengths ("a free 2 week trial") are not claims.
A mention that fits nothing known (a group the study does not have) is a warning, never a guess.

Pure: text and the clean reference tables in, claim rows (text cells, exactly like claims.csv
rows) and warnings out.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import polars as pl

from carryover.claims import (
    accounting,
    attributed,
    both_lifts,
    comparators,
    designs,
    groups_doing,
    histories,
    layouts,
    leads,
    muscle_lists,
    muscle_pairs,
    narrowing,
    other_years,
    paired_units,
    pairs,
    ratios,
    row_labels,
    size_units,
    subsets,
    than_pairs,
    title_muscles,
    total_spans,
)
from carryover.claims.article_files import decode_lines, not_text
from carryover.claims.bounds import fractions, means, stated_bound
from carryover.claims.contrasts import Stated, listed_differences, stated_differences
from carryover.claims.depth_sides import depth_group
from carryover.claims.facts import LIFT_VERBS, SPREADS, Lookups, Near, read_facts
from carryover.claims.label_phrases import LEVEL_WORDS, label_phrases
from carryover.claims.linking import (
    DESCRIBING,
    PEOPLE,
    Description,
    Linker,
    StudyMention,
    content_words,
    keys_from_rows,
)
from carryover.claims.loads import echoed_load, stated_loads
from carryover.claims.numbers import COMPOUND_WORD, numbers, word_value
from carryover.claims.outcome_tests import MEASURE_UNITS, default_measures, plural_free
from carryover.claims.rep_ranges import label_rep_facts
from carryover.claims.rows import claims_frame
from carryover.claims.set_groups import group_by_sets, label_set_counts, sets_named
from carryover.claims.text import blocks
from carryover.claims.titles import TITLE_WINDOW, written_title
from carryover.claims.window import Spans
from carryover.core.rawfs import entry_problem, name_bytes, read_regular, shown_name
from carryover.ingest.extract import BOM, Extracted, outside_raw
from schemas.claims import SPEC as CLAIMS
from schemas.findings import finding, findings_frame
from schemas.studies import first_author

ARTICLE_SUFFIXES = (".md", ".txt")
ARTICLES_DIR = "articles"

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "twenty-four": 24, "thirty": 30, "forty": 40, "fifty": 50,
    "once": 1, "twice": 2, "thrice": 3,
}  # fmt: skip
_NUM = (
    r"(?<![\w-])(?:\d+(?:\.\d+)?|"
    + COMPOUND_WORD
    + "|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + ")"
)
_ANY_NUM = re.compile(
    r"\d|" + COMPOUND_WORD + "|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)), re.I
)
"""Anywhere a `_NUM` could be (with none of its bounds): a text without one holds no `_NUM`."""

_MEASURE = re.compile(
    r"\b(?P<n>\d{1,2}|" + "|".join(k for k in NUMBER_WORDS if NUMBER_WORDS[k] < 20) + r")"
    r"(?:\s*-\s*|\s+)?(?:(?:rep(?:etition)?s?)(?:\s*-\s*|\s+)max(?:imum|imums|es)?|RM)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(
    r"(?<![\w.,])(?P<sign>[+-]?)(?P<value>\d+(?:\.\d+|,\d{1,2})?)\s?(?:%|percent\b|per cent\b)"
)
"""A percent; '12,4%' and '12,0 %' are decimal commas (a comma before three digits is not)."""
_SPREAD_BEFORE = re.compile(
    r"(?:(?<![\w.,])(?P<sign>[+-]?)(?P<mean>\d+(?:\.\d+|,\d{1,2})?)\s{0,3})?"
    r"(?:±|\+/-|\+/\u2212)\s{0,3}$"
)
"""What stands before a percent that is a spread ('24.2 ± 7.1%'): the mean it belongs to, if any."""
_CHANGE = re.compile(
    r"\b(?:increas\w*|gain\w*|improv\w*|rose|rise[sn]?|rising|grew|grow\w*|boost\w*|went up|"
    r"jump\w*|climb\w*|added|progress\w*|stronger|rais(?:e|ed|es|ing))\b|\+\s?\d|" + r"\b(?:"
    r"decreas\w*|dropp?\w*|fell|fall\w*|declin\w*|los[te]\w*|reduc\w*|shr[au]nk|went down|"
    r"weaker)\b",
    re.IGNORECASE,
)
_DECREASE = re.compile(
    r"\b(?:decreas\w*|dropp?\w*|fell|fall\w*|declin\w*|los[te]\w*|reduc\w*|shr[au]nk|"
    r"went down|weaker)\b[^.;%]{0,40}$",
    re.IGNORECASE,
)
"""A fall named before a figure ('dropped by 5%'): the change is negative."""
_DISCOUNT_AFTER = re.compile(r"\s*off\b", re.IGNORECASE)
_DISCOUNT_BEFORE = re.compile(
    r"\b(?:discount|save|saving|coupon|code|sale|deal)\b[^.%]{0,25}$", re.I
)
_LOAD_AFTER = re.compile(
    r"\s*(?:of\s+(?:their\s+|the\s+|your\s+|each\s+)?)?" + _MEASURE.pattern, re.IGNORECASE
)
_COMPARISON_BEFORE = re.compile(
    r"\b(?:like|unlike|similar(?:ly)?\s+to|as\s+(?:in|with|did)|compared\s+(?:with|to)|"
    r"in\s+contrast\s+to|than|echo(?:es|ing)?|mirror(?:s|ing)?|in\s+line\s+with|"
    r"consistent\s+with|in\s+(?:agreement|accordance)\s+with)\s+"
    r"(?:(?:the|that\s+of|in\s+the|a|an)\s+)?(?:(?:study|trial|paper|findings?|results?)\s+"
    r"(?:by|from|of)\s+)?$",
    re.IGNORECASE,
)
_AUTHOR_TAIL = r"(?:\s+et\s+al\.?|\s+and\s+(?:colleagues|co-?workers|team)|\s*\((?:19|20)\d\d\))"
_GROUP = re.compile(r"\b(?P<words>(?:[\w\-]+\s+){0,4}?)groups?\b(?:'s?)?", re.IGNORECASE)
_NON_SPECIFIC = {"the", "both", "each", "either", "all", "two", "other", "this", "that", "a", "an",
                 "training", "trained", "their", "his", "her", "per", "in", "of", "for", "by",
                 "every", "one", "neither", "these", "those", "muscle", "age", "study"}  # fmt: skip
_N_PEOPLE = re.compile(
    rf"(?<![\w.])(?P<n>{_NUM})(?:\s*\(\s*(?P<again>{_NUM})\s*\))?\s+"
    rf"(?:{DESCRIBING},?\s+){{0,4}}?{PEOPLE}\b"
    r"(?!\s+(?:in|per)\s+(?:each|the|every)\b)",
    re.IGNORECASE,
)
_ADDED_PEOPLE = re.compile(r"\b(?:another|an\s+additional|additional|plus|a\s+further)\s+$", re.I)
"""'plus another 12 untrained subjects': people added for a further part, not the sample."""
_DURATION = re.compile(
    rf"(?:\b(?:for|over|after|lasting|during|across|within)\s+(?:the\s+|a\s+|just\s+|only\s+)?"
    rf"(?P<n1>{_NUM})[\s-]+weeks?\b(?!\s+trial)"
    rf"|(?<![\w.])(?P<n2>{_NUM})-week\s+(?:program\w*|study|intervention|mesocycle|training|"
    r"protocol|period|block|trial(?!\s+(?:of|for)\b)|plan)"
    rf"|(?<![\w.-])(?P<n3>{_NUM})[\s-]+weeks?\b"
    r"(?![\s-]+(?:free\s+)?(?:trial|later|ago|before|after|prior|phase|familiari[sz]ation|"
    r"learning|break|deload|washout|rest|off)\b))",
    re.IGNORECASE,
)
_ABBREVIATION_DEFINED = re.compile(r"\((?P<abbr>[A-Z]{2,5})(?:[;,:][^)]*)?\)")
_DEFINITION = re.compile(
    r"(?P<phrase>(?:[\w-]+\s+){0,3}[\w-]+)\s*\((?P<abbr>[A-Z]{2,5})(?:[;,:][^)]*)?\)"
)
_DEFINED_LAST = re.compile(_DEFINITION.pattern + r"$")
"""The definition that ends a window: 'half squat (HS)' after '(quarter squat (QS), '."""
_ABOUT_A_STUDY = re.compile(
    r"\b(?:the|this|a|an|one|new|recent|their)\s+(?:\w+\s+){0,2}?(?:study|trial|preprint|paper|"
    r"experiment)\b|\b(?:researchers|investigators|the authors|participants|subjects)\b|"
    r"\brandomi[sz]ed\b",
    re.IGNORECASE,
)
_COMPLETED = re.compile(
    r"\b(?:completed|finished|were\s+analy[sz]ed|remained|were\s+included\s+in\s+the\s+analys)",
    re.IGNORECASE,
)
_COMPLETED_BEFORE = re.compile(
    r"\b(?:in\s+the\s+end|analy[sz]ed|analysis\s+(?:included|of)|completers?|remaining|"
    r"only)\W*(?:the\s+)?$",
    re.IGNORECASE,
)
"""Words that make a sample those who completed the study or were analysed."""
_CLAUSE_END = re.compile(r"[;.!?]|\bbut\b|\bwhile\b|\bwhereas\b")
_PRIOR = re.compile(
    r"\W*(?:\w+\s+){0,3}?(?:(?:over|in|during|for)\s+the\s+(?:previous|past|preceding|last)\b|"
    r"prior\s+to\s+(?:the\s+)?(?:study|trial|intervention)|before\s+(?:the\s+study|joining|"
    r"enrol)|for\s+(?:a\s+minimum\s+of|at\s+least|no\s+less\s+than)\s+(?:\S+\s+)?"
    r"(?:years?|months?)\b)",
    re.IGNORECASE,
)
"""Words after a frequency that make it the participants' history, not the study's protocol:
'over the previous 6 months', and an entry criterion 'for a minimum of 1 year'."""
_SEVERAL_STUDIES = re.compile(
    r"\b(?:two|three|four|several|both|multiple|these)\s+(?:[\w-]+\s+)?(?:studies|trials|papers)\b"
    r"|\b(?:second|another|third)\s+(?:study|trial|paper)\b",
    re.IGNORECASE,
)
_NEW_STUDY = re.compile(
    r"\b(?:a|an|another|one|new|recent|first|second|third|latest|later|earlier|newer|older)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:study|trial|paper|preprint|experiment)\b",
    re.IGNORECASE,
)
"""A study introduced without a name ("a recent study", "the second study")."""
_RESEARCH_SHOWS = re.compile(
    r"\b(?:research|studies|evidence|science|data)\s+(?:has\s+|have\s+)?(?:also\s+)?"
    r"(?:shown|shows?|found|finds?|suggests?|demonstrated|demonstrates?|indicates?)\b",
    re.IGNORECASE,
)
"""Research spoken of in general ("research has shown that ...", "studies show")."""
_ABBREVIATION_AFTER = re.compile(r"\s*(?:for|in|among)\s+(?:the\s+)?(?P<abbr>[A-Z]{2,5})\b")
_UPPER_WORD = re.compile(r"(?<![\w-])[A-Z]{2,5}(?![\w-])")
"""A word of two to five capitals: a group's abbreviation when the article or the data says so."""
_ABBREVIATED_TEST = re.compile(r"\b(?P<abbr>[A-Z]{2,5})\s+(?=\d{1,2}\s*-?\s*RM\s*\()")
_EVERY_GROUP = {"both", "each", "all", "every"}
_PEOPLE = PEOPLE
_SIZE_AFTER_GROUP = re.compile(
    r"\s*\((?:#?[A-Z]{2,5}\s*[;:,]\s*)?n\s*=\s*(?P<n>\d+)", re.IGNORECASE
)
"""'the BS group (n=12', 'a full squat group (#FST, n = 10': a hashtag-style abbreviation too."""
_SIZE_APPOSITIVE = re.compile(rf"(?:,|\s+of)\s*(?P<n>{_NUM})\s+{_PEOPLE}\b", re.IGNORECASE)
_SIZE_BEFORE_GROUP = re.compile(
    rf"(?P<n>{_NUM})\s+(?:{_PEOPLE}\s+)?(?:(?:of\s+(?:them|the\s+\w+)\s+)?(?:were\s+)?"
    r"(?:assigned|allocated|randomi[sz]ed|placed|put)\s+(?:in)?to|in)\s+(?:the\s+|a\s+)?$",
    re.IGNORECASE,
)
_SIZE_EACH_GROUP = re.compile(
    rf"\b(?:each|every|both)\s+groups?\s+(?:had|of|with|included|contained)\s+(?P<n>{_NUM})\b"
    rf"(?=\s+{_PEOPLE}\b|\s*(?:[.;,)]|$))"
    rf"|(?P<n2>{_NUM})\s+{_PEOPLE}?\s*(?:in|per)\s+(?:each|every)\s+group\b",
    re.IGNORECASE,
)
_LEFT_THE_STUDY = re.compile(
    r"\s+(?:(?:later|also|eventually|then)\s+)?(?:withdrew|dropped\s+out|did\s+not\s+"
    r"(?:complete|finish)|were\s+excluded|was\s+excluded|left\s+the\s+study|quit)\b",
    re.IGNORECASE,
)
"""Words after a count of people that make it those who left, not a group's size."""
_NOT_A_COUNT_BEFORE = re.compile(
    r"\b(?:weeks?|days?|sessions?|sets?|reps?|months?|minutes?|hours?|was|is|at|of|"
    r"by|to)\s+$",
    re.IGNORECASE,
)
"""'peaked at week 4 in the squat group', 'was 112 in the squat group': no count of people."""
_GROUP_APPOSITIVE = re.compile(r"\bgroups?\s*(?:[,(:]|\bof|\bhad|\bwith)\s*$", re.IGNORECASE)
_WHOLE_SAMPLE = re.compile(
    r"(?:\b(?:took|recruited|involved|included|enrolled|studied|used|tested|examined|followed|"
    r"had|with)\s+|^\W*)(?:a|one|single)\s+group\s+of\s*$",
    re.IGNORECASE,
)
"""'The study took a group of 20 players': the whole sample, not one of the study's groups."""
_PREDICATE = 40
"""Characters after a group's size where what the group does is said ('does 3 sets of bench
press')."""
_WHOLE_SAMPLE_GROUP = re.compile(r"\b(?:a|one)\s+group\s+of\s*$", re.IGNORECASE)
"""'a group of 22 women': no group is named, so the size may be the whole sample's."""
_DIVIDED_AFTER = re.compile(
    r"[^.;]{0,40}?\b(?:was|were)\s+(?:then\s+)?(?:divided|split|randomi[sz]ed|allocated|assigned)\b",
    re.IGNORECASE,
)
"""'... 22 women was divided': the people named are the whole sample, not one group."""
_SIZE_IN_PARENTHESES = re.compile(
    r"\s*\((?:#?(?P<abbr>[A-Z]{2,5})\s*[;:,]\s*)?n\s*=\s*(?P<n>\d+)", re.IGNORECASE
)
_WORDS_BEFORE = re.compile(r"((?:[\w\-]+\s+){0,3}[\w\-]+)\s*$")
_PEOPLE_IN_PARENTHESES = re.compile(
    rf"\(\s*(?P<n>\d+)\s+(?:{DESCRIBING}\s+){{0,3}}?{PEOPLE}\s*\)", re.IGNORECASE
)
"""'(12 women)': a count of people alone in parentheses (after a group's name, its size)."""
_SIZE_BY_EXERCISE = re.compile(
    rf"(?<![\w.])(?P<n>{_NUM})\s+(?:(?:of\s+them|{_PEOPLE})\s+)?"
    r"(?:trained|did|performed|were\s+trained)?\s*(?:with|using|on|doing)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""'12 trained with the squat', '10 with the hip thrust': the group that trained that exercise."""
_CHANGE_BY = re.compile(
    r"\b(?:by|rose|gained|increased|improved|added|grew|dropped|fell|lost|to)\s+$", re.I
)
"""'rose by 7 in the squat group': a change, not a group's size."""
_GROUP_OF_DOING = re.compile(
    rf"\b(?:a|one|another|the\s+other|the\s+second|the\s+first)\s+group\s+of\s+(?P<n>{_NUM})\s+"
    rf"(?:[\w\-]+\s+){{0,2}}?{_PEOPLE}\s+(?:does|did|do|performs?|performed|trains?|trained|"
    r"doing|performing|training)\b",
    re.IGNORECASE,
)
"""'a group of 9 subjects does ... bench press': a group named by the exercise it trains."""
_TOTAL_BEFORE_SIZES = re.compile(
    rf"(?<![\w.])(?P<n>{_NUM})\s*\((?=[^()]{{0,40}}?(?:\b\d+\s+in\s+(?:the\s+)?[\w\s\-]{{1,30}}?"
    r"\bgroup|\bn\s*=\s*\d))",
    re.IGNORECASE,
)
"""A count followed by the groups' sizes in parentheses: the whole sample."""
_SET_OR_REP_BEFORE = re.compile(r"\b(?:sets?|reps?|repetitions?|x|\u00d7)\s+(?:of\s+)?$", re.I)
_PART_OF_WEEKS = re.compile(
    r"\b(?:first|last|final|every|each|per|other|next|previous|past)\s+$", re.IGNORECASE
)
_FREE_TRIAL = re.compile(r"\bfree\b[^.]{0,20}$", re.IGNORECASE)
_SESSIONS = re.compile(
    rf"(?<![\w.])(?P<n>{_NUM})(?:[\s-]*(?:x|times|sessions?|days?|workouts?)?[\s-]*"
    r"(?:per|a|each|/)[\s-]*week\b|[\s-]+(?:(?:times|sessions|days)[\s-]+)?weekly\b)",
    re.IGNORECASE,
)
_SESSIONS_DESCRIBED = re.compile(
    rf"(?<![\w.])(?P<n>{_NUM})\s+"
    r"(?:(?!(?:per|a|an|each|the|of|rest|off|recovery|sets?|reps?)\b)"
    r"(?:[A-Za-z]|\d+-(?:minute|min|hour)\b)[\w-]*\s+){1,2}"
    r"(?:sessions?|workouts?|(?:training\s+)?days?)\s+(?:per|a|each)\s+week\b",
    re.IGNORECASE,
)
"""'two lower-body workouts per week', '3 supervised sessions a week', 'three 13-minute lifting
sessions a week', 'three different days per week': a weekly frequency whose sessions are
described (a rest day is no session)."""
_ABBREVIATIONS = {"al", "vs", "e.g", "i.e", "etc", "fig", "dr", "mr", "ms", "no", "approx", "ca"}


@dataclass(frozen=True)
class Article:
    """An article file as read from the raw directory."""

    source_file: str
    article_id: str
    lines: list[str]
    sha256: str | None = None
    problems: tuple[dict[str, Any], ...] = ()
    """Findings about the file itself (bytes that are not UTF-8), reported with its claims."""


def article_id(stem: str) -> str:
    """An article's id: its file stem as a slug ('Hip-thrust vs squat' -> 'hip_thrust_vs_squat').

    Accents are dropped ('Übersicht' -> 'ubersicht'); a stem with no Latin letter or digit at all
    gets a stable id from its hash ('Приседания' -> 'a_' and 8 hex digits).
    """
    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")
    if not slug:
        return f"a_{_name_hash(stem)[:8]}"
    return slug if slug[:1].isalpha() else f"a_{slug}"


def _name_hash(name: str) -> str:
    return hashlib.sha256(name_bytes(name)).hexdigest()


def article_ids(names: list[str]) -> list[str]:
    """Each article file's id (see article_id), made unique among the files.

    Files whose stems give one id ('squat-review.md', 'Squat_Review.md') each get a suffix from
    their own file name's hash, so an id never changes with the files beside it but theirs.
    """
    base = [article_id(Path(name).stem) for name in names]
    seen: dict[str, int] = {}
    for slug in base:
        seen[slug] = seen.get(slug, 0) + 1
    return [
        f"{slug}_{_name_hash(name)[:6]}" if seen[slug] > 1 else slug
        for slug, name in zip(base, names, strict=True)
    ]


def article_paths(raw_dir: Path) -> list[Path]:
    """The article files: `<raw_dir>/articles/*.md|*.txt`, sorted (any such entry, file or not)."""
    folder = raw_dir / ARTICLES_DIR
    if not folder.is_dir():
        return []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    return sorted(p for p in entries if p.suffix.lower() in ARTICLE_SUFFIXES)


def _folder_problem(raw_dir: Path) -> Article | None:
    """An `articles` entry that is not a readable folder, as an article holding one finding."""
    folder = raw_dir / ARTICLES_DIR
    if not folder.exists() and not folder.is_symlink():
        return None
    if folder.is_dir():
        try:
            next(iter(folder.iterdir()), None)
        except OSError as exc:
            reason = f"it cannot be listed: {exc.strerror or type(exc).__name__}"
        else:
            return None
    else:
        reason = (entry_problem(folder) or "it is a file").removesuffix(", not a regular file")
    problem = finding(
        "file_unreadable",
        "claims",
        ARTICLES_DIR,
        None,
        f"{ARTICLES_DIR} should be a folder of .md or .txt articles, but {reason}; "
        "no article was read",
    )
    return Article(ARTICLES_DIR, "articles", [], None, (problem,))


def read_articles(raw_dir: Path) -> list[Article]:
    """Read every article (see article_paths and article_ids).

    Whatever an entry is, reading it ends with the article or a finding on it: a link out of
    the raw directory, a link loop, a pipe or device, a file that cannot be opened, a binary file
    (one `file_not_text` finding), a file name that is not UTF-8 (read, shown with escapes).
    """
    problem_folder = _folder_problem(raw_dir)
    if problem_folder is not None:
        return [problem_folder]
    paths = article_paths(raw_dir)
    ids = article_ids([path.name for path in paths])
    return [_read_one(raw_dir, path, ident) for path, ident in zip(paths, ids, strict=True)]


def _read_one(raw_dir: Path, path: Path, ident: str) -> Article:
    source_file = f"{ARTICLES_DIR}/{shown_name(path.name)}"

    def problem(rule_id: str, message: str) -> Article:
        found = finding(rule_id, "claims", source_file, None, message)
        return Article(source_file, ident, [], None, (found,))

    outside = outside_raw(raw_dir, path)
    if outside:
        return problem("file_outside_raw", outside)
    try:
        data = read_regular(path)
    except OSError as exc:
        return problem(
            "file_unreadable",
            f"{source_file} cannot be read: {exc.strerror or type(exc).__name__}",
        )
    digest = hashlib.sha256(data).hexdigest()
    notes = []
    if source_file != f"{ARTICLES_DIR}/{path.name}":
        notes.append(
            finding(
                "file_name_encoding",
                "claims",
                source_file,
                None,
                f"the file name {source_file} is not UTF-8 (shown with escapes); rename it",
            )
        )
    what = not_text(data)
    if what is not None:
        notes.append(
            finding(
                "file_not_text",
                "claims",
                source_file,
                None,
                f"{source_file} is {what}, not a text article; save it as Markdown or "
                "plain text (UTF-8)",
            )
        )
        return Article(source_file, ident, [], digest, tuple(notes))
    lines, problems = decode_lines(data.removeprefix(BOM), source_file)
    return Article(source_file, ident, lines, digest, (*notes, *problems))


@dataclass(frozen=True)
class StudyRef:
    """What the reader knows about one study."""

    study_id: str
    author: str | None
    year: int
    groups: dict[str, frozenset[str]]  # group_id -> phrases that name it
    exercises: frozenset[str]  # exercises the study trained or tested
    measures: dict[tuple[str, str], frozenset[str]]  # (group_id, exercise) -> measures with data
    compared: dict[str, frozenset[str]] = field(default_factory=dict)
    """Per test the study reports a between-group result on (contrasts.csv), its measures."""
    abbreviations: frozenset[str] = frozenset()
    """The groups' abbreviations as their labels write them ('FST', 'HST')."""
    units: dict[str, frozenset[str]] = field(default_factory=dict)
    """Per test, the units its outcome rows give figures in ('mm'; none when only percents)."""


@dataclass(frozen=True)
class Context:
    """The clean reference tables, arranged for reading text."""

    studies: dict[str, StudyRef]
    aliases: dict[str, frozenset[str]]  # lower-case phrase -> exercise ids it may name
    linker: Linker = field(default_factory=lambda: Linker([]))
    kinds: dict[str, str] = field(default_factory=dict)
    """Exercise id -> its kind (exercises.kind: strength, jump, sprint, agility, ...)."""
    test_measures: dict[str, str] = field(default_factory=dict)
    """Per test that is not a lift, the measure it is read with when the data holds none
    (carryover.claims.outcome_tests)."""
    muscle_tests: dict[tuple[str, str], str] = field(default_factory=dict)
    """(muscle, unit) -> its one muscle-size test in that unit (carryover.claims.layouts)."""

    @cached_property
    def alias_pattern(self) -> re.Pattern[str]:
        """Every exercise alias in one pattern (built once, not per article)."""
        return _alternation(self.aliases)

    @cached_property
    def author_pattern(self) -> re.Pattern[str] | None:
        """Every study's first author followed by a citation tail (None: no author known)."""
        authors = {r.author for r in self.studies.values() if r.author}
        if not authors:
            return None
        return re.compile(
            r"\b(?P<author>"
            + "|".join(map(re.escape, sorted(authors, key=len, reverse=True)))
            + r")"
            + _AUTHOR_TAIL
        )

    @classmethod
    def from_tables(
        cls,
        studies: pl.DataFrame,
        groups: pl.DataFrame,
        exercises: pl.DataFrame,
        outcomes: pl.DataFrame,
        contrasts: pl.DataFrame | None = None,
    ) -> Context:
        """Build the reading context from clean typed tables.

        `contrasts` gives the tests a study reports between-group results on, with their
        measures: a gain on such a test is read with that measure when it is the only one.
        """
        compared: dict[str, dict[str, set[str]]] = {}
        if contrasts is not None:
            for study_id, test, measure in contrasts.select(
                "study_id", "test_exercise", "measure"
            ).iter_rows():
                compared.setdefault(study_id, {}).setdefault(test, set()).add(measure)
        aliases: dict[str, set[str]] = {}
        for ex_id, names in exercises.select("exercise_id", "aliases").iter_rows():
            for phrase in [ex_id.replace("_", " "), *(names or [])]:
                aliases.setdefault(alias_key(phrase), set()).add(ex_id)
        refs = {}
        for study_id, citation, year in studies.select("study_id", "citation", "year").iter_rows():
            g = groups.filter(pl.col("study_id") == study_id)
            o = outcomes.filter(pl.col("study_id") == study_id)
            group_phrases: dict[str, frozenset[str]] = {}
            written: set[str] = set()
            for group_id, label, trained in g.select(
                "group_id", "label", "trained_exercise"
            ).iter_rows():
                phrases = {group_id.lower(), label.lower(), *label_phrases(label)}
                phrases |= {a.lower() for a in re.findall(r"\(([A-Za-z]{2,5})\)", label)}
                written |= set(re.findall(r"\(([A-Z]{2,5})\)", label))
                if trained:
                    phrases |= {p for p, ids in aliases.items() if trained in ids}
                else:
                    phrases |= {"control"}
                phrases |= {p.replace(" ", "") for p in phrases if " " in p}  # "backsquat"
                group_phrases[group_id] = frozenset(phrases)
            measures: dict[tuple[str, str], set[str]] = {}
            for gid, ex, measure in o.select("group_id", "test_exercise", "measure").iter_rows():
                measures.setdefault((gid, ex), set()).add(measure)
            tested = set(o["test_exercise"].to_list()) | {
                t for t in g["trained_exercise"].to_list() if t
            }
            refs[study_id] = StudyRef(
                study_id,
                first_author(citation),
                int(year),
                group_phrases,
                frozenset(tested | set(compared.get(study_id, {}))),
                {k: frozenset(v) for k, v in measures.items()},
                {k: frozenset(v) for k, v in compared.get(study_id, {}).items()},
                frozenset(written),
                _units(o),
            )
        trains: dict[str, set[str]] = {}
        labels: dict[str, set[str]] = {}
        for study_id, trained, label in groups.select(
            "study_id", "trained_exercise", "label"
        ).iter_rows():
            if trained:
                trains.setdefault(study_id, set()).add(trained)
            labels.setdefault(study_id, set()).update(re.findall(r"\(([A-Z]{2,5})\)", label))
        # the sample as the groups add it up (analysed, randomised): a writer may give either
        samples: dict[str, set[str]] = {}
        for study_id, n, randomized in (
            groups.group_by("study_id", maintain_order=True)
            .agg(
                *(
                    # a sum only when every group's figure is known
                    pl.when(pl.col(c).null_count() == 0).then(pl.col(c).sum()).alias(c)
                    for c in ("n", "n_randomized")
                ),
            )
            .iter_rows()
        ):
            samples[study_id] = {f"n:{int(v)}" for v in (n, randomized) if v}
        found_in = _exercise_finder({p: frozenset(ids) for p, ids in aliases.items()})
        sizes = _group_size_facts(groups)
        added = designs.controls(groups.select("study_id", "trained_exercise").iter_rows())
        group_labels: dict[str, list[str]] = {}
        for study_id, label in groups.select("study_id", "label").iter_rows():
            group_labels.setdefault(study_id, []).append(label)
        keys = [
            replace(
                k,
                trains=frozenset(trains.get(k.study_id, ())),
                facts=k.facts
                | samples.get(k.study_id, set())
                | label_rep_facts(group_labels.get(k.study_id, [])),
                abbreviations=frozenset(labels.get(k.study_id, ())),
                group_sizes=sizes.get(k.study_id, frozenset()),
                added=added.get(k.study_id, frozenset()),
                set_counts=label_set_counts(group_labels.get(k.study_id, [])),
            )
            for k in keys_from_rows(
                studies.select(
                    "study_id",
                    "citation",
                    "year",
                    "doi",
                    "population",
                    "n_randomized",
                    "duration_weeks",
                    "sessions_per_week",
                ).iter_rows()
            )
        ]
        linker = Linker(keys, found_in, aliases)
        linker.exercise_names = _exercise_names({p: frozenset(ids) for p, ids in aliases.items()})
        kinds = (
            {e: k for e, k in exercises.select("exercise_id", "kind").iter_rows() if k}
            if "kind" in exercises.columns
            else {}
        )
        measures_of = default_measures(exercises, outcomes)
        return cls(
            refs,
            {p: frozenset(ids) for p, ids in aliases.items()},
            linker,
            kinds=kinds,
            test_measures=measures_of,
            muscle_tests=layouts.muscle_tests(exercises),
        )


# ---------------------------------------------------------------------------------------------
# Text: Markdown to passages with a character -> line map.


@dataclass
class Passage:
    """A run of text from consecutive lines, with the line each character came from."""

    parts: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)  # offset where each contributing line starts
    lines: list[int] = field(default_factory=list)  # that line's number
    kind: str = "paragraph"  # paragraph, heading or table_row
    length: int = 0
    _text: str | None = None

    @property
    def text(self) -> str:
        """The passage's lines joined with spaces (built once, not copied per line)."""
        if self._text is None:
            self._text = " ".join(self.parts)
        return self._text

    def add(self, line_no: int, text: str) -> None:
        """Append a line's text (joined to the passage with a space)."""
        if self.parts:
            self.length += 1
        self.starts.append(self.length)
        self.lines.append(line_no)
        self.parts.append(text)
        self.length += len(text)
        self._text = None

    def line_at(self, offset: int) -> int:
        """The line a character offset of the passage came from."""
        return self.lines[bisect.bisect_right(self.starts, offset) - 1]


_MD_BLOCK = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_INLINE = re.compile(r"(\*\*|__|\*|`|~~|(?<!\w)_|_(?!\w))")
_HTML = re.compile(r"<!--.*?-->|<[^>]+>")


_LINK_ID = re.compile(r"\b10\.\d{4,9}/[^\s)\]>]+|\bPMC\d{5,9}\b|pubmed[^\s)]*?/(\d{5,9})", re.I)


def _link_text(match: re.Match[str]) -> str:
    """A link reads as its text, plus the study identifiers its target holds (a DOI, PMC id)."""
    ids = []
    for m in _LINK_ID.finditer(match.group(0)[len(match.group(1)) + 2 :]):
        ids.append(f"PMID {m.group(1)}" if m.group(1) else m.group(0))
    return match.group(1) + (f" ({'; '.join(ids)})" if ids else "")


def clean_line(line: str) -> tuple[str, bool]:
    """Markdown line to plain text, and whether it starts a new block (heading, list item...)."""
    block = bool(_MD_BLOCK.match(line))
    text = _MD_BLOCK.sub("", line)
    text = _HTML.sub(" ", _MD_LINK.sub(_link_text, text))
    return _MD_INLINE.sub("", text).strip(), block


def passages(lines: list[str]) -> Iterator[Passage]:
    """The article's prose blocks as passages, each line read as plain text.

    Blocks come from carryover.claims.text: paragraphs, headings, list items, table rows.
    """
    for block in blocks(lines):
        current = Passage(kind=block.kind)
        for number in range(block.first, block.last + 1):
            text, _ = clean_line(lines[number - 1])
            if block.kind == "table_row":
                text = " ".join(cell.strip() for cell in text.strip("|").split("|"))
            if text:
                current.add(number, text)
        if current.length:
            yield current


def sentences(passage: Passage) -> Iterator[tuple[int, str]]:
    """Split a passage into sentences, as (offset, text); 'et al.' and '13.3' do not end one.

    An arrow opening a clause ('SS: +2.7% → In the full squat the hip bends further') starts
    another sentence: what follows it is a new thought, not the figure's own words.
    """
    text, start = passage.text, 0
    for match in re.finditer(r"[.!?][\"')\]]*\s+(?=[A-Z0-9\"(\[])|\s+(?=[→⇒➡]\s)", text):
        # The word before the stop, looked for in a bounded window (no copy from the start).
        window = max(start, match.start() - _WORD_WINDOW)
        word = _WORD_BEFORE_STOP.search(text, window, match.end())
        before = word.group(1).lower() if word else ""
        if before in _ABBREVIATIONS or re.fullmatch(r"[a-z]", before):
            continue
        yield start, text[start : match.end()].rstrip()
        start = match.end()
    if text[start:].strip():
        yield start, text[start:].rstrip()


EVIDENCE_CHARS = 4000
"""How much of the text read so far (in characters) describes a study not yet named."""
_WORD_WINDOW = 100
"""Characters looked back from a full stop for the word it ends (an abbreviation is shorter)."""
_WORD_BEFORE_STOP = re.compile(r"([\w.]+)[.!?][\"')\]]*\s+$")
_NEAR = 120
"""Characters around a figure that decide whether it is a load, a discount or a claim."""


# ---------------------------------------------------------------------------------------------
# Reading.


@dataclass
class _State:
    study: StudyRef | None = None
    group: str | None = None
    measure: str | None = None
    unknown: bool = False
    """A study not in the data is being discussed: its numbers are unread, not claims."""
    described: bool = False
    """The study was recognised by its description only (no name, identifier or journal)."""
    vague: bool = False
    """`unknown` only because the text speaks of "a study" without naming one: its description
    may still tell which study it is."""


@dataclass
class _Mention:
    start: int
    end: int
    kind: str  # study, group, groupless, exercise, test, measure, figure
    # (a test is an exercise named for the figures right after it only: 'in BS 1 RM (...)')
    value: Any = None
    words: str = ""
    to: str | None = None
    """For a figure stated as a range or an approximation, the other end ('8-11 %')."""
    bound: str | None = None
    """For a figure stated as one end only ('by more than 30%'): at_least or at_most."""


class Reader:
    """Reads one article against a context, collecting claim rows and warnings."""

    def __init__(self, article: Article, context: Context) -> None:
        self.article = article
        self.context = context
        self.state = _State()
        self.rows: list[dict[str, Any]] = []
        self.resolved_by: list[str] = []  # per claim row: the cues that linked its study
        self.study_lines: set[int] = set()  # lines read in a passage about a known study
        self.ambiguous: dict[int, str] = {}  # line -> the studies its passage fits equally
        self._tie_warned: tuple[str, ...] = ()
        self.among: tuple[str, ...] = ()
        """The studies the last name read may be, when it fits several: a description read
        after it is of one of them (see `Linker.by_description`)."""
        self.passage_mentions: list[StudyMention] = []  # the studies the passage read names
        self.defined: dict[tuple[str, str], str] = {}  # (study, abbreviation) -> group
        self.cues: str = ""
        self.warnings: list[dict[str, Any]] = []
        self.previous = ""  # the end of the passage's previous sentence
        self.size_unit: tuple[str, str] | None = None  # (study, unit) muscle size is measured in
        self.columns: list[str] | None = None  # the header cells of the table being read
        self.lifted: tuple[str, str] | None = None  # (study, lift) the sentence before weighed
        self.heading_lifts: frozenset[str] = frozenset()  # what the section's heading names
        self._alias_re = context.alias_pattern
        self._author_re = context.author_pattern
        self._loads = stated_loads(article.lines)  # the percents it gives as loads
        self._group_patterns: dict[str, dict[str, re.Pattern[str]]] = {}
        self._group_order: dict[str, tuple[str, ...]] = {}  # study -> its groups as last listed
        self.title_muscle = title_muscles.title_muscle(
            article.lines, frozenset(m for m, _ in context.muscle_tests)
        )

    def warn(self, line: int, message: str, words: str) -> None:
        """Record a claim_unresolved warning at a line, with the words that could not be read."""
        self.warnings.append(
            finding(
                "claim_unresolved",
                "claims",
                self.article.source_file,
                line,
                f"{self.article.article_id} line {line}: {message}",
                value=words,
            )
        )

    def claim(self, line: int, quantity: str, value: str, **keys: str | None) -> None:
        """Record a claim about the current study, as a claims.csv row of text cells.

        `value_to` is the other end of a stated range; `bound` makes the value one end only.
        """
        assert self.state.study is not None
        self.rows.append(
            {
                "article_id": self.article.article_id,
                "line": str(line),
                "study_id": self.state.study.study_id,
                "quantity": quantity,
                "group_id": keys.get("group_id"),
                "test_exercise": keys.get("test_exercise"),
                "measure": keys.get("measure"),
                "value": value,
                "value_to": keys.get("value_to"),
                "bound": keys.get("bound"),
                "source_line": line,
            }
        )
        self.resolved_by.append(self.cues)

    def read(
        self,
        study: StudyRef | None = None,
        cues: str = "",
        every: list[Passage] | None = None,
        mentions_at: list[list[StudyMention]] | None = None,
        named: bool = False,
    ) -> None:
        """Read the whole article, passage by passage, sentence by sentence.

        `study` binds the article to a study from its first line (see `article_study`); `named`
        when the article writes its whole title out (`titled_article`): then facts stated
        against the study are claims about it, not another study.
        `every` and `mentions_at` are the article's passages and the study mentions in each, when
        already worked out.

        While no study is bound, the description in the passages read so far (the last
        EVIDENCE_CHARS characters) is scored: a study described over several passages
        ("untrained college students" ... "nine weeks" ... "HT (n=18) or SQ (n=16)") is bound
        from the passage where its description becomes clear.
        """
        linker = self.context.linker
        if study is not None:
            self.state = _State(study=study, described=not named)
            self.cues = cues
        evidence: deque[Description] = deque()  # the passages read since no study is bound
        vague_from: int | None = None  # the passage where "a study" was last introduced
        every = list(passages(self.article.lines)) if every is None else every
        if mentions_at is None:
            mentions_at = [linker.mentions(p.text) for p in every]
        mentions_at = narrowing.narrow_passages(linker, [p.text for p in every], mentions_at)
        named_at = [bool(m) for m in mentions_at]
        lead, lead_study, (opened, since, opening, opening_cues) = (
            self._lead(every, mentions_at) if study is None else (set(), None, (-1, 0, 0, ""))
        )
        for k, passage in enumerate(every):
            tie: tuple[str, ...] = ()
            self.passage_mentions = mentions_at[k]
            if not (self.state.unknown and self.state.vague):
                vague_from = None
            if k in lead and lead_study is not None:
                self.state = _State(study=lead_study[0], described=True)
                self.cues = lead_study[1]
            elif k - 1 in lead:
                self.state = _State()  # the lead is over: the study is introduced next
            if k == opened and lead_study is not None:
                self._opening(passage, since, opening, (lead_study[0], opening_cues))
                continue
            if self._is_heading(passage) and k + 1 < len(every):
                self._section_study(every[k + 1])
            named = named_at[k]
            if (
                not named
                and self.state.described
                and self.state.study is not None
                and linker.contradicts(
                    self.state.study.study_id, total_spans.without_whole_spans(passage.text)
                )
            ):
                # a study recognised only by its description, and this passage states other
                # facts (sample, weeks, population): it is about another study
                self.state = _State()
            if self.state.study is not None or (self.state.unknown and not self.state.vague):
                evidence.clear()
            elif not named:
                if _NEW_STUDY.search(passage.text):
                    # "the second study ...": what came before described another one
                    evidence.clear()
                    self.among = ()
                    vague_from = k
                evidence.append(linker.describe(passage.text))
                while len(evidence) > 1 and sum(d.length for d in evidence) > EVIDENCE_CHARS:
                    evidence.popleft()
                described = linker.by_description(Description.union(evidence), self.among)
                late = None if described is not None else self._late_introduction(passage)
                if described is None and late is None:
                    tie = linker.description_tie(Description.union(evidence))
                if late is not None:
                    # "... 2400 people search for it. But the first randomised trial ...": the
                    # study is the one described from its introduction on, in this passage
                    self._passage_introducing(passage, *late)
                    continue
                if described is not None:
                    ref = self.context.studies[described.candidates[0]]
                    self.state = _State(study=ref, described=True)
                    self.cues = f"{'+'.join(described.resolved_by)}: {described.words}"
                    self._tie_warned = ()
                    if vague_from is not None:
                        # the passages since "a recent study ..." were about it: read them again
                        # now that it is known (they made no claim while it was not)
                        shown = 0
                        start = k
                        while start > vague_from and shown < EVIDENCE_CHARS:
                            start -= 1
                            shown += every[start].length
                        for earlier in every[start:k]:
                            self._passage(earlier)
            self._passage(passage)
            if tie:
                self._ambiguous_passage(passage, tie)
            if (
                self.state.unknown
                and self.state.vague
                and (vague_from is None or _NEW_STUDY.search(passage.text))
            ):
                vague_from = k

    def _lead(
        self, every: list[Passage], mentions_at: list[list[StudyMention]]
    ) -> tuple[set[int], tuple[StudyRef, str] | None, tuple[int, int, int, str]]:
        """The headline, first paragraph and opening sentences that summarise the study named next.

        See carryover.claims.leads. Returns the lead passages, the study and the lead's cues,
        and (the naming passage, where the sentence before its naming sentence starts, where
        the naming sentence starts, the opening's cues) when that sentence before is about the
        study too, else (-1, 0, 0, "").
        """
        head = [
            self._sentence_mentions(p, found)
            for p, found in zip(every[: leads.LEAD_PASSAGES + 1], mentions_at, strict=False)
        ]
        first = next((k for k, named in enumerate(head) if named), None)
        starts = [o for o, _ in sentences(every[first])] if first is not None else []
        found = leads.lead_of(
            self.context.linker,
            [p.text for p in every],
            [p.kind for p in every],
            starts,
            head,
        )
        if found is None:
            return set(), None, (-1, 0, 0, "")
        study = (self.context.studies[found.study_id], found.cues)
        opened = (
            (found.named, found.since, found.opening, found.opening_cues)
            if found.opening
            else (-1, 0, 0, "")
        )
        return set(found.passages), study, opened

    def _sentence_mentions(self, passage: Passage, found: list[StudyMention]) -> list[StudyMention]:
        """The studies a passage's sentences name, as the reader reads them, at passage offsets.

        A passage read whole may lose a mention its sentences keep (a journal named in one
        sentence, and another sentence stating a fact against its study); a comparison ("like
        the Hammond study") names none. Mentions of several studies are settled by the passage
        (`narrowing.settled`).
        """
        out = []
        for offset, sentence in sentences(passage):
            for m in self.context.linker.mentions(sentence):
                if _COMPARISON_BEFORE.search(sentence[max(0, m.start - 60) : m.start]):
                    continue
                m = narrowing.settled(m, found)
                out.append(replace(m, start=offset + m.start, end=offset + m.end))
        return out

    def _opening(
        self, passage: Passage, since: int, offset: int, lead_study: tuple[StudyRef, str]
    ) -> None:
        """Read a passage whose sentence from `since` to `offset` is about the study named there."""
        self.previous = ""
        for start, sentence in sentences(passage):
            if start == since:
                self.state = _State(study=lead_study[0], described=True)
                self.cues = lead_study[1]
            elif start == offset:
                self.state = _State()  # the lead is over: the study is named here
            self._sentence(sentence, lambda i, o=start, p=passage: p.line_at(o + i))
            self.previous = sentence[-_NEAR:]

    def _column(self, line: int, words: str) -> int:
        """The column (1-based) where words stand on an article line, as written (else 1).

        Words joined from two places ('Contreras and his team ... Dr. Contreras') stand where
        their first part does.
        """
        written = self.article.lines[line - 1].lower()
        return max(1, written.find(words.split(" ... ")[0].lower()) + 1)

    def _ambiguous_passage(self, passage: Passage, tie: tuple[str, ...]) -> None:
        """A passage about a study its description fits in several studies equally.

        Its numbers read as about a study stay unread, with the reason that the study is
        ambiguous, and the editor is told once which words introduce it and which studies it
        may be (`study_not_in_data`, at the line and column of those words).
        """
        if self.state.study is not None:
            return
        lines = [line for line in passage.lines if line in self.study_lines]
        if not lines:
            return
        for line in lines:
            self.ambiguous.setdefault(line, ", ".join(tie))
        if tie == self._tie_warned:
            return
        self._tie_warned = tie
        text = passage.text
        intro = _NEW_STUDY.search(text) or _ABOUT_A_STUDY.search(text)
        offset = intro.start() if intro else 0
        words = intro.group(0) if intro else text[:60].strip()
        self._study_not_in_data(
            passage.line_at(offset),
            words,
            f"describes a study the data cannot tell apart ({', '.join(tie)} fit equally); "
            "name it (author, journal or DOI) so its figures can be checked",
        )

    def _study_not_in_data(self, line: int, words: str, problem: str) -> None:
        """Warn that the words on a line point to no one study of the data, at their column."""
        column = self._column(line, words)
        self.warnings.append(
            finding(
                "study_not_in_data",
                "claims",
                self.article.source_file,
                line,
                f"{self.article.article_id} line {line}, column {column}: '{words}' {problem}",
                column_name=f"column {column}",
                value=words,
            )
        )

    def _late_introduction(self, passage: Passage) -> tuple[int, StudyMention] | None:
        """A study introduced without a name part-way through a passage, and clearly described.

        A paragraph may speak of other things first ("Every month 2400 people search for glute
        exercises ... But last month the results of the first randomised controlled trial ...
        untrained men and women ... After 9 weeks"): its opening's figures are not the study's
        and would count against it. The description is read from the sentence that introduces
        the study ("a recent study", "the first randomised controlled trial") to the passage's
        end. Returns where that sentence starts and the study, or None.
        """
        text = passage.text
        intros = [m.start() for m in _NEW_STUDY.finditer(text)]
        if not intros or intros[-1] == 0:
            return None
        starts = [offset for offset, _ in sentences(passage)]
        for at in intros:
            offset = starts[max(0, bisect.bisect_right(starts, at) - 1)] if starts else 0
            if offset == 0:
                continue  # the whole passage has been read as one description already
            # as much as the evidence of several passages holds: linear in the passage's length
            tail = text[offset : offset + EVIDENCE_CHARS]
            described = self.context.linker.by_description(tail)
            if described is not None:
                return offset, described
        return None

    def _passage_introducing(self, passage: Passage, offset: int, described: StudyMention) -> None:
        """Read a passage whose study is introduced at `offset`.

        The sentences before it are not about that study; from there on they are.
        """
        self.previous = ""
        for start, sentence in sentences(passage):
            if start == offset:
                self.state = _State(
                    study=self.context.studies[described.candidates[0]], described=True
                )
                self.cues = f"{'+'.join(described.resolved_by)}: {described.words}"
            self._sentence(sentence, lambda i, o=start, p=passage: p.line_at(o + i))
            self.previous = sentence[-_NEAR:]

    def _whole_sample(self, text: str, match: re.Match[str]) -> bool:
        """A count after "a group of" that is the whole sample, not one of the study's groups.

        'The study took a group of 20 players', 'a group of 22 women was divided ...'. A group
        that trains an exercise in the same clause is one of the study's groups ('a group of 9
        subjects does the bench press').
        """
        if _whole_sample(text, match.start(), match.end()):
            return True
        if not _WHOLE_SAMPLE.search(text, max(0, match.start() - 60), match.start()):
            return False
        end = _CLAUSE_END.search(text, match.end(), match.end() + _PREDICATE)
        clause_end = end.start() if end else min(len(text), match.end() + _PREDICATE)
        return not self._alias_re.search(text, match.end(), clause_end)

    def _passage(self, passage: Passage) -> None:
        if self._table_row(passage):
            return
        if passage.kind == "heading":
            self.heading_lifts = self._heading_lifts(passage.text)
        self.previous = ""
        self.lifted = None
        for offset, sentence in sentences(passage):
            read_before = len(self.rows)
            self._sentence(sentence, lambda i, o=offset, p=passage: p.line_at(o + i))
            self._units_beside(
                sentence, lambda i, o=offset, p=passage: p.line_at(o + i), read_before
            )
            self.previous = sentence[-_NEAR:]  # what 'nine of them' in the next one refers to

    def _units_beside(self, text: str, line_of: Any, read_before: int) -> None:
        """The change in kg or pounds right before a percent the sentence was read to have.

        '6,6 kg (6,5%) for the bench press': see carryover.claims.paired_units. Each percent
        change claim the sentence made (rows from `read_before` on) gives the same group, test
        and measure to the figure in units beside it, on the same line.
        """
        study = self.state.study
        if study is None or len(self.rows) == read_before:
            return
        read = [
            r
            for r in self.rows[read_before:]
            if r["quantity"] == "change_pct" and r["study_id"] == study.study_id and r["group_id"]
        ]
        for beside in paired_units.units_beside_percents(text):
            line = line_of(beside.start)
            rows = [
                r
                for r in read
                if r["line"] == str(line) and _as_float(r["value"]) == beside.percent
            ]
            if len(rows) != 1:
                continue
            row = rows[0]
            self.claim(
                line,
                "change_abs_lb" if beside.pounds else "change_abs",
                beside.value,
                group_id=row["group_id"],
                test_exercise=row["test_exercise"],
                measure=row["measure"],
            )

    def _is_heading(self, passage: Passage) -> bool:
        return passage.kind == "heading"

    def _section_study(self, following: Passage) -> None:
        """A heading belongs to the section it opens.

        When the section's first sentence names a study (another than the current one), the
        heading's figures are about that study.
        """
        first = next(iter(sentences(following)), None)
        if first is None:
            return
        named = [
            m
            for m in self.context.linker.mentions(first[1])
            if not _COMPARISON_BEFORE.search(first[1][max(0, m.start - 60) : m.start])
        ]
        if not named:
            return
        mention = named[0]
        if len(mention.candidates) == 1:
            ref = self.context.studies[mention.candidates[0]]
            if ref is not self.state.study:
                self.state = _State(study=ref)
                self.cues = f"{'+'.join(mention.resolved_by)}: {mention.words}"
        elif not mention.candidates:
            self.state = _State(unknown=True)

    def _states_another_design(self, text: str) -> bool:
        """A sentence that names no study and states a design fact against the current one.

        When the study was recognised by its description only, a sentence giving another
        duration, sample or weekly frequency ('research has shown ... in eight weeks' in an
        article about a 12-week study) is about another study: its numbers are not the study's.
        The sentence must speak of research in general ('research has shown', 'studies show'): a
        participant's history ('RT 2-3 days per week over the previous 6 months') is not another
        study. A study named by its authors, identifier or journal keeps its sentences.
        """
        study = self.state.study
        return (
            study is not None
            and self.state.described
            and _RESEARCH_SHOWS.search(text) is not None
            and self.context.linker.contradicts(study.study_id, text)
        )

    def _angles_for_studies(self, text: str, line_of: Any) -> str:
        """'(120° of knee flexion for Bloomquist et al. 2013, 90° ... for McMahon et al. 2014)'.

        In a sentence naming two or more studies, a knee angle followed by 'for' and one study of
        the data is that study's group's depth (carryover.claims.attributed). Returns the
        sentence with those angles blanked, for the rest of its reading.
        """
        named = self.context.linker.mentions(text) if " for " in text else []
        if len(named) < 2:
            return text
        kept, kept_cues = self.state, self.cues
        blanked: list[tuple[int, int]] = []
        try:
            for mention in named:
                told = attributed.angle_for(text, mention.start)
                if told is None or len(mention.candidates) != 1:
                    continue
                ref = self.context.studies[mention.candidates[0]]
                group = self._lookups(ref).group(told[1].split())
                angle = next(iter(numbers(text[told[0] : told[0] + 8])), None)
                if group is None or angle is None or angle.value is None:
                    continue
                self.state = _State(study=ref)
                self.cues = f"{'+'.join(mention.resolved_by)}: {mention.words}"
                self.claim(line_of(told[0]), "other", f"{angle.value:g}", group_id=group)
                blanked.append((told[0], told[0] + len(angle.text)))
        finally:
            self.state, self.cues = kept, kept_cues
        parts, done = [], 0
        for start, end in blanked:
            parts += [text[done:start], " " * (end - start)]
            done = end
        return "".join([*parts, text[done:]])

    def _another_year(self, text: str) -> bool:
        """A sentence bringing in a study of another year (carryover.claims.other_years)."""
        study = self.state.study
        return study is not None and other_years.introduces_other_year(text, study.year)

    def _by_design(self, text: str, line_of: Any) -> bool:
        """A sentence about research in general that describes one study by its design.

        "Research has shown that you can raise your back squat 1RM by more than 30% if you add
        the hip thrust to your training for eight weeks": the sentence is read as about the one
        study that added that exercise to a control's training over that many weeks
        (`designs.study_by_design`). It is that sentence's study only: the current study, group
        and test are the same for the next sentence. False when no one study fits.
        """
        if _RESEARCH_SHOWS.search(text) is None:
            return False
        linker = self.context.linker
        found = designs.study_by_design(linker.keys, text, linker.exercises_in)
        if found is None:
            return False
        ref = self.context.studies[found.candidates[0]]
        if ref is self.state.study:
            return False  # the current study: read as usual
        kept, kept_cues = self.state, self.cues
        self.state = _State(study=ref, described=True)
        self.cues = f"{'+'.join(found.resolved_by)}: {found.words}"
        try:
            self._sentence(text, line_of)
        finally:
            self.state, self.cues = kept, kept_cues
        return True

    # -- one sentence --------------------------------------------------------------------------

    def _sentence(self, text: str, line_of: Any) -> None:
        text = self._angles_for_studies(text, line_of)
        studies = self._studies(text, line_of)
        kept = _outside_asides(text, studies)
        if len(kept) < len(studies):  # the aside's figures are about its study: unread
            text = _blank_asides(text, [m.start for m in studies if m not in kept])
            studies = kept
        if not studies and self._by_design(text, line_of):
            return
        if studies and studies[-1].value is not self.state.study:
            # a new study: forget group and measure
            self.state = _State(study=studies[-1].value, unknown=studies[-1].value is None)
            self.cues = studies[-1].words
        if not studies and self._another_year(text):
            self.state = _State(unknown=True)  # 'A 2014 study ...': not the current study
        if not studies and self._states_another_design(text):
            # its numbers are about another study: unread, and the current one stays
            self.study_lines.update(range(line_of(0), line_of(max(0, len(text) - 1)) + 1))
            return
        study = self.state.study
        if study is None and not self.state.unknown and _ABOUT_A_STUDY.search(text):
            # a study the reader cannot tell (yet): numbers unread
            self.state = _State(unknown=True, vague=True)
        if study is None:
            if self.state.unknown:  # about a study not in the data: the numbers are unread
                self.study_lines.update(range(line_of(0), line_of(max(0, len(text) - 1)) + 1))
            return  # no study in context: no number here is a claim
        self.study_lines.update(range(line_of(0), line_of(max(0, len(text) - 1)) + 1))
        self._define_abbreviations(text, study)
        claimed = len(self.rows)
        laid_out = self._labelled_item(text, line_of, study)
        laid_out |= self._muscle_lists(text, line_of, study)
        laid_out |= self._muscle_pairs(text, line_of, study)
        laid_out |= self._than_pairs(text, line_of, study)
        self._size_gains(text, line_of, study)
        lifted_before, self.lifted = self.lifted, self._lift_weighed(text, study)
        self._protocol(text, line_of)
        mentions = self._groups(text, line_of, study) + self._groups_by_training(text, study)
        mentions += self._groups_doing(text, study, Spans([(m.start, m.end) for m in mentions]))
        mentions += self._abbreviated_groups(
            text, study, Spans([(m.start, m.end) for m in mentions])
        )
        mentions += self._level_groups(text, study, Spans([(m.start, m.end) for m in mentions]))
        self._group_sizes(text, line_of, mentions, study)
        self._differences(text, line_of, study)
        self._listed_differences(text, line_of, study)
        taken = Spans([(m.start, m.end) for m in mentions])
        exercises = self._exercises(text, line_of, study)
        mentions += [m for m in exercises if not taken.hold(m.start, m.end)]
        mentions += self._tests_by_kind(text, study)
        mentions += (
            self._measures(text) + self._figures(text) + self._abbreviated_tests(text, study)
        ) + self._fraction_figures(text)
        ordered = self._trained_with(text, sorted(mentions, key=lambda m: m.start), study)
        self._multiples(text, line_of, study, ordered)
        position = {id(m): i for i, m in enumerate(ordered)}
        figures = [i for i, m in enumerate(ordered) if m.kind == "figure"]
        next_exercise = _next_of_kind(ordered, "exercise")
        has_change = bool(_CHANGE.search(text))
        carried: dict[str, str | None] = {"exercise": None, "measure": None}
        done = 0
        owned: set[int] = set()  # group mentions already owned by the figure before them
        respective = _respective(text, ordered, figures) | self._paired(text, ordered, figures)
        every_later = _every_later(text, ordered)
        for k, i in enumerate(figures):
            # A figure's clause: the mentions since the previous figure, and up to the next one.
            before = [m for j, m in enumerate(ordered[done:i], start=done) if j not in owned]
            after = ordered[i + 1 : figures[k + 1] if k + 1 < len(figures) else len(ordered)]
            for m in before:
                self._advance(m)
            done = i + 1
            figure = ordered[i]
            if not has_change or figure.value is None or figure.end in laid_out:
                continue
            if i not in respective and _SECOND_OF_A_PAIR.search(
                text, max(0, figure.start - 24), figure.start
            ):
                continue  # '(12.2 vs. 2%)' with the other group untold: unread, never the first's
            more = _MORE_THAN_AFTER.match(text, figure.end, figure.end + 40)
            if more is not None:  # '10-15% more than the leg press group's': no change
                self._percent_difference(study, text, line_of(figure.start), figure, before, more)
                continue
            if any(m.kind in ("unresolved", "comparator") for m in before):
                continue  # the unresolvable group has been reported already
            # 'rose in both groups' names no group, unless a group is named after it
            named_none = any(m.kind == "groupless" for m in before) and not any(
                m.kind == "group" for m in before[_last_index(before, "groupless") :]
            )
            following = None if named_none else _group_after(text, figure, after)
            if following is None and not named_none:
                following = self._abbreviated_group_after(text, figure, study)
            if following is not None:
                if id(following) in position:
                    owned.add(position[id(following)])
                self._advance(following)
            groupish = [m for m in before if m.kind in ("group", "groupless")]
            every = bool(groupish) and groupish[-1].kind == "groupless" and groupish[-1].value
            every = every or (
                following is None
                and not named_none
                and (_every_after(text, figure, after) or (not groupish and i in every_later))
            )
            group = (
                respective.get(i)
                or ("*" if every else None)
                # a group named right after the figure owns it ('... than the HT group in
                # quadriceps MT (12.2% for BS and 2% for HT)'), whatever groups came before
                or (following.value if following else None)
                or _last(before, "group")
                or (self.state.group)
                or self._credited_group(text, ordered, study)
            )
            own_exercise = _exercise_right_after(text, figure, after)
            if own_exercise is not None:  # "... 28.4% on their hip thrust one-rep max"
                j = position[id(own_exercise)]
                owned.add(j)
                if j + 1 < len(ordered) and ordered[j + 1].kind == "measure":
                    owned.add(j + 1)
            exercise = (
                self._both_lifts(text, figure, study)
                or _last(before, "exercise")
                or _last(before, "test")
                or (own_exercise.value if own_exercise else None)
                or self._other_muscle(
                    _carried(carried["exercise"], text, ordered, figures, k),
                    text,
                    ordered,
                    figures,
                    k,
                )
                or _first(after, "exercise")
                or next_exercise[i + 1]
                or self._lift_in_play(lifted_before, study, ordered)
            )
            stated = _last(before, "measure") or _first(after, "measure")
            measure = stated or carried["measure"] or self.state.measure
            titled = self._titled_size_test(text, figure, exercise, study)
            if titled is not None:  # 'increases in muscle volume' in an article on one muscle
                exercise, measure, stated = titled, None, None
            self._figure_claim(
                study, text, line_of(figure.start), figure, group, exercise, measure, not stated
            )
            carried = {"exercise": exercise, "measure": measure}
        for m in ordered[done:]:
            self._advance(m)
        self._facts(text, line_of, study, ordered, claimed)

    def _facts(
        self, text: str, line_of: Any, study: StudyRef, ordered: list[_Mention], claimed: int
    ) -> None:
        """Population, baseline, p-value and protocol facts (carryover.claims.facts).

        A number this sentence has already made a claim of is left to that claim: of the numbers
        with one value on a line, only as many as were not claimed yet become facts.
        """
        free = Counter((line_of(n.column - 1), n.value) for n in numbers(text))
        free.subtract((int(r["line"]), float(r["value"])) for r in self.rows[claimed:])
        near = Near(
            groups=[(m.start, m.end, m.value) for m in ordered if m.kind == "group"],
            exercises=[(m.start, m.end, m.value) for m in ordered if m.kind == "exercise"],
            measures=[(m.start, m.end, m.value) for m in ordered if m.kind == "measure"],
            current_group=self.state.group,
            heading_test=self._heading_test(study),
        )
        for fact in read_facts(text, near, self._lookups(study), self.previous):
            line = line_of(fact.start)
            key = (line, fact.number if fact.number is not None else float(fact.value))
            if fact.quantity not in SPREADS:  # an SD is part of its mean's number
                if free[key] <= 0:
                    continue
                free[key] -= 1
            self.claim(
                line,
                fact.quantity,
                fact.value,
                group_id=fact.group_id,
                test_exercise=fact.test_exercise,
                measure=fact.measure,
                value_to=fact.value_to,
                bound=fact.bound,
            )

    def _lookups(self, study: StudyRef) -> Lookups:
        """The study's groups, trained exercises and measures, for reading facts."""
        trained = {}
        for group_id, phrases in study.groups.items():
            ids = {e for p in phrases for e in self.context.aliases.get(p, ())} & study.exercises
            if len(ids) > 1:  # 'squat' names both squats: only phrases that name one exercise
                named = [self.context.aliases.get(p, frozenset()) for p in phrases]
                ids = {e for one in named if len(one) == 1 for e in one} & study.exercises
            if len(ids) == 1:
                trained[group_id] = next(iter(ids))

        def exercise(phrase: str) -> str | None:
            ids = set(self.context.aliases.get(alias_key(phrase), ())) & study.exercises
            return next(iter(ids)) if len(ids) == 1 else None

        def only_measure(group: str | None, exercise_id: str) -> str | None:
            known = {
                m
                for (g, e), ms in study.measures.items()
                if e == exercise_id and group in (None, g)
                for m in ms
            }
            return next(iter(known)) if len(known) == 1 else None

        return Lookups(
            group=lambda words: self._resolve_group(words, study)[0],
            trained=trained,
            exercise=exercise,
            only_measure=only_measure,
        )

    def _figure_claim(
        self,
        study: StudyRef,
        text: str,
        line: int,
        figure: _Mention,
        group: str | None,
        exercise: str | None,
        measure: str | None,
        carried_over: bool = False,
    ) -> None:
        """A change claim, or a warning saying what could not be told.

        A test carried over from an earlier clause gives way to the study's only test of that
        group and exercise (a jump's height after a 3RM); a test named in the clause is kept, so a
        wrong one is reported.
        """
        words = text[figure.start : figure.end]
        if group is None and exercise is None:
            return  # a number with no group or exercise around it: not a claim
        if group is None:
            self.warn(line, f"cannot tell which group {words} refers to", words)
            return
        if exercise is None:
            self.warn(line, f"cannot tell which exercise {words} refers to", words)
            return
        if exercise.startswith("*"):  # "1RM in both squats by ~20%": one claim per test
            tests = self._tests_of_kind(study, group, exercise[1:], measure)
            if not tests:
                self.warn(line, f"cannot tell which {exercise[1:]}s {words} refers to", words)
            for each in tests:
                self._figure_claim(study, text, line, figure, group, each, measure, carried_over)
            return
        if group == "*":  # "both groups improved by 5%": one claim per group
            for each in study.groups:
                known = study.measures.get((each, exercise), frozenset())
                if (
                    measure in known
                    or ((measure is None or carried_over) and len(known) == 1)
                    or (not known and exercise in self.context.test_measures)
                ):
                    self._figure_claim(
                        study, text, line, figure, each, exercise, measure, carried_over
                    )
            return
        known = study.measures.get((group, exercise), frozenset())
        if measure and measure.endswith("RM") and exercise in self.context.test_measures:
            measure = None  # a lift's repetition maximum named nearby: not this test's measure
        if measure is None or (carried_over and known and measure not in known):
            measure = next(iter(known)) if len(known) == 1 else None
        if known == {"nRM"} and measure is not None and _RM_TEST.fullmatch(measure):
            measure = "nRM"  # the paper does not say how many repetitions: any RM is its test
        if measure is None and not known:  # a jump or a muscle's size the data does not hold
            measure = self.context.test_measures.get(exercise)
        compared = study.compared.get(exercise, frozenset())
        if measure is None and not known and len(compared) == 1:
            measure = next(iter(compared))  # the test of the study's between-group result
        if (
            measure is None
            and not known
            and _MAXIMAL.search(text, max(0, figure.start - 80), figure.start)
        ):
            # 'maximal squat strength' with no figure in the data to tell the test: a 1RM
            measure = "1RM"
        if measure is None:
            self.warn(line, f"cannot tell which test (1RM, 3RM, ...) {words} refers to", words)
            return
        value, value_to = _time_signed(text, figure, measure)
        self.claim(
            line,
            "change_pct",
            value,
            group_id=group,
            test_exercise=exercise,
            measure=measure,
            value_to=value_to,
            bound=figure.bound,
        )

    def _both_lifts(self, text: str, figure: _Mention, study: StudyRef) -> str | None:
        """'in both squats' right before a figure: '*squat', each test of that kind (both_lifts)."""
        noun = both_lifts.both_named(text, figure.start)
        return f"*{noun}" if noun is not None else None

    def _tests_of_kind(
        self, study: StudyRef, group: str, noun: str, measure: str | None
    ) -> list[str]:
        """The study's lifts the group has data on with the measure (two or more, else none).

        'both squats': only the lifts one of whose names holds 'squat'.
        """
        named = {
            e for alias, ids in self.context.aliases.items() if noun in alias.split() for e in ids
        }
        tests = sorted(
            e
            for g, e in study.measures
            if (g == group or group == "*")
            and self.context.kinds.get(e, "strength") == "strength"
            and (noun != "squat" or e in named)
            and (measure is None or measure in study.measures[(g, e)])
        )
        return list(dict.fromkeys(tests)) if len(tests) > 1 else []

    def _trained_with(self, text: str, ordered: list[_Mention], study: StudyRef) -> list[_Mention]:
        """An exercise one group trained, named as what the gain came with, names that group.

        'Strength on a 45° leg press test rose more with the back squat (~37.2%) than with the
        front squat (~19.6%)': the figure in parentheses right after 'with the back squat' is
        the back squat group's, and the test is the other exercise the sentence names before;
        likewise 'a small lead for the front squat (5.1% against 4.4%)'. Only when that test is
        named: else the exercise may be the test itself.
        """
        trained: dict[str, set[str]] = {}
        for group_id, exercise in self._lookups(study).trained.items():
            trained.setdefault(exercise, set()).add(group_id)
        found = list(ordered)
        test_named = False  # a test (an exercise no group trained) named so far
        for k, m in enumerate(ordered):
            if m.kind == "exercise" and m.value not in trained:
                test_named = True
            if (
                test_named
                and m.kind == "exercise"
                and len(trained.get(m.value, ())) == 1
                and _WITH_BEFORE.search(text, max(0, m.start - 30), m.start)
                and _FIGURE_IN_PARENTHESES.match(text, m.end)
            ):
                (group_id,) = trained[m.value]
                found[k] = _Mention(m.start, m.end, "group", group_id, m.words)
        return found

    def _credited_group(self, text: str, ordered: list[_Mention], study: StudyRef) -> str | None:
        """The one group that trained the exercise a sentence credits its gain to.

        'you can raise your back squat 1RM by more than 30% if you add the hip thrust to your
        training': with no group named, the gain is the group's that trained the exercise added
        (carryover.claims.bounds.means), when exactly one group trained it and the sentence
        names another exercise as the test.
        """
        exercises = [(m.start, m.end, m.value) for m in ordered if m.kind == "exercise"]
        credited = means(text, exercises)
        if not credited or len(credited) == len(exercises):
            return None  # no training credited, or no test besides it
        trained = self._lookups(study).trained
        groups = {g for _, _, x in credited for g, e in trained.items() if e == x}
        return next(iter(groups)) if len(groups) == 1 else None

    def _paired(self, text: str, ordered: list[_Mention], figures: list[int]) -> dict[int, str]:
        """Two figures set against each other for a study of two groups ('(+10.5 % vs 8.1 %)').

        The sentence must say which group came out ahead ('leaned toward hip thrusts', 'a lead
        for the front squat'): its figure is the first of the pair, and the pair must agree
        (the first figure the larger gain); the second is the other group's.
        """
        study = self.state.study
        if study is None or len(study.groups) != 2 or not _PAIR_WORD.search(text):
            return {}
        said = self._ahead(text, ordered, study)
        found: dict[int, str] = {}
        for a, b in itertools.pairwise(figures):
            first, second = ordered[a], ordered[b]
            opening = _PAIR_OPEN.search(text, max(0, first.start - 3), first.start)
            if not (
                b == a + 1
                and _PAIR_BETWEEN.fullmatch(text, first.end, second.start)
                and opening
                and _PAIR_CLOSE.match(text, second.end)
                and _larger_gain(first, second)
            ):
                continue
            ahead = said or self._ahead_at_pair(text, ordered, a, study, opening.start())
            if ahead is not None:
                found[a], found[b] = ahead, next(g for g in study.groups if g != ahead)
        return found

    def _multiples(self, text: str, line_of: Any, study: StudyRef, ordered: list[_Mention]) -> None:
        """Differences stated as multiples (carryover.claims.ratios): `contrast_ratio` claims.

        'for the glutes the gains were more than twice as large for those who squatted': the
        group is the one named right after the multiple, or the other of the two groups than
        the one it is compared with ('as much as the women who did the hip thrust'); the test
        is the muscle named nearest before it (else right after it) in the measure the sentence
        (or the article, for this study) says muscle size was measured in. With no group, or no
        such test, the multiple stays unread; a sentence with no word of change is not read.
        """
        found = ratios.multiples(text)
        if not found or len(study.groups) != 2 or not _CHANGE.search(text):
            return
        trained = self._lookups(study).trained
        starts = [m.start for m in ordered]

        def group_at(at: int) -> str | None:
            k = bisect.bisect_left(starts, at - 4)
            while k < len(ordered) and ordered[k].start <= at:
                m = ordered[k]
                if m.kind == "group":
                    return str(m.value)
                if m.kind == "exercise":
                    groups = [g for g, e in trained.items() if e == m.value]
                    return groups[0] if len(groups) == 1 else None
                k += 1
            return None

        for multiple in found:
            ahead = group_at(multiple.right_after) if multiple.right_after is not None else None
            behind = next((g for g in map(group_at, ratios.compared_at(text, multiple)) if g), None)
            if behind is not None:
                other = next(g for g in study.groups if g != behind)
                if ahead is not None and ahead != other:
                    continue
                ahead = other
            test = self._multiple_test(text, multiple, study)
            if ahead is None or test is None:
                continue
            measure = self.context.test_measures.get(test)
            known = study.measures.get((ahead, test), frozenset())
            if len(known) == 1:
                measure = next(iter(known))
            if measure is None:
                continue
            self.claim(
                line_of(multiple.start),
                "contrast_ratio",
                multiple.value,
                group_id=ahead,
                test_exercise=test,
                measure=measure,
                value_to=multiple.value_to,
                bound=multiple.bound,
            )

    def _multiple_test(self, text: str, multiple: ratios.Multiple, study: StudyRef) -> str | None:
        """The muscle-size test a multiple is about, in the one measure of muscle size said.

        The muscle named nearest before it (within 160 characters), else right after it.
        """
        muscles = frozenset(m for m, _ in self.context.muscle_tests)
        before = layouts.muscle_mentions(
            text, max(0, multiple.start - 160), multiple.start, muscles
        )
        if before:
            muscle = before[-1][1]
        else:
            after = layouts.muscle_mentions(
                text, multiple.phrase_end, min(len(text), multiple.phrase_end + 60), muscles
            )
            if len({m for _, m in after}) != 1:
                return None
            muscle = after[0][1]
        unit = layouts.size_unit(text)
        if unit is None and self.size_unit is not None and self.size_unit[0] == study.study_id:
            unit = self.size_unit[1]
        if unit is None:
            return None
        return self.context.muscle_tests.get((muscle, unit))

    def _other_muscle(
        self,
        exercise: str | None,
        text: str,
        ordered: list[_Mention],
        figures: list[int],
        k: int,
    ) -> str | None:
        """A muscle-size test carried to the next figure, or the same measure of another muscle.

        'quadriceps thickness more (12,2 vs. 2%), and for the glutes ... (9,4 vs. 3,7%)': the
        second pair is about the glutes' thickness, not the quadriceps'. With no such test of
        that muscle in the data's catalogue (or several muscles named), nothing is carried.
        """
        if exercise is None or k == 0:
            return exercise
        size_tests = {test: key for key, test in self.context.muscle_tests.items()}
        if exercise not in size_tests:
            return exercise
        muscle, unit = size_tests[exercise]
        named = layouts.muscles_in(
            text,
            ordered[figures[k - 1]].end,
            ordered[figures[k]].start,
            frozenset(m for m, _ in self.context.muscle_tests),
        )
        if not named or named == {muscle}:
            return exercise
        if len(named) > 1:
            return None
        return self.context.muscle_tests.get((next(iter(named)), unit))

    def _ahead_at_pair(
        self, text: str, ordered: list[_Mention], first: int, study: StudyRef, opening: int
    ) -> str | None:
        """The group a comparative right before the pair's parenthesis puts ahead.

        'those who squatted increased quadriceps thickness more (12,2 vs. 2%)', 'larger for the
        squat group (10 vs. 5%)' (carryover.claims.pairs): the last group named before the
        pair's first figure (`ordered[first]`), by name or by the exercise only it trained,
        looked for within the comparative's window only (a line dense with pairs stays linear).
        """
        trained = self._lookups(study).trained
        floor = opening - pairs.WINDOW - 40
        for k in range(first - 1, -1, -1):
            named = ordered[k]
            if named.end < floor:
                return None
            if named.kind == "group":
                group = named.value
            elif named.kind == "exercise":
                groups = [g for g, e in trained.items() if e == named.value]
                if not groups or pairs.tested_lift(text, named.end, opening):
                    continue  # a test ('quadriceps thickness', 'squat strength'), not a group
                if len(groups) != 1 or text[named.end : opening].strip():
                    return None  # an exercise is a group only right before the pair
                group = groups[0]
            elif named.kind == "groupless":
                return None
            else:
                continue
            if not pairs.comparative_before(text, opening, named.end, named.start):
                return None
            return str(group)
        return None

    def _ahead(self, text: str, ordered: list[_Mention], study: StudyRef) -> str | None:
        """The one group the sentence says came out ahead, by name or by what it trained."""
        trained: dict[str, set[str]] = {}
        for group_id, exercise in self._lookups(study).trained.items():
            trained.setdefault(exercise, set()).add(group_id)
        ahead = set()
        for match in _AHEAD.finditer(text):
            named = next((m for m in ordered if m.start >= match.end()), None)
            if named is None or named.start != match.end():
                return None  # a lead for something that is not a group or its exercise
            if named.kind == "group":
                ahead.add(named.value)
            elif named.kind == "exercise" and len(trained.get(named.value, ())) == 1:
                ahead |= trained[named.value]
            else:
                return None
        return next(iter(ahead)) if len(ahead) == 1 else None

    def _advance(self, m: _Mention) -> None:
        if m.kind == "group":
            self.state.group = m.value
        elif m.kind in ("groupless", "unresolved"):
            self.state.group = None
        elif m.kind == "measure":
            self.state.measure = m.value

    # -- mentions ------------------------------------------------------------------------------

    def _studies(self, text: str, line_of: Any) -> list[_Mention]:
        """Studies introduced in a sentence (see carryover.claims.linking).

        A comparison does not count. A study-like mention that fits no study, or fits two, is a
        `study_not_in_data` warning; one that fits none also ends the current study (what
        follows is about it, and its numbers are unread).
        """
        found = []
        for mention in self.context.linker.mentions(text):
            if _COMPARISON_BEFORE.search(text[max(0, mention.start - 60) : mention.start]):
                continue  # a comparison does not change which study is being discussed
            mention = narrowing.settled(mention, self.passage_mentions)
            line = line_of(mention.start)
            self.among = mention.candidates if len(mention.candidates) > 1 else ()
            if len(mention.candidates) != 1:
                named = ", ".join(mention.candidates) or "no study in studies.csv"
                self._study_not_in_data(
                    line,
                    mention.words,
                    f"names a study the data cannot tell ({named}); add it to studies.csv or "
                    "name it unambiguously",
                )
                if not mention.candidates:
                    found.append(_Mention(mention.start, mention.end, "study", None, mention.words))
                continue
            ref = self.context.studies[mention.candidates[0]]
            cues = "+".join(mention.resolved_by)
            found.append(
                _Mention(mention.start, mention.end, "study", ref, f"{cues}: {mention.words}")
            )
        return found

    def _groups(self, text: str, line_of: Any, study: StudyRef) -> list[_Mention]:
        found = []
        for match in _GROUP.finditer(text):
            words = match.group("words").lower().split()
            counted = _counted_groups(words)
            if counted is not None:  # 'rose in both groups', 'split into two groups'
                found.append(_Mention(match.start(), match.end(), "groupless", counted or None))
                continue
            while words and words[0] in _NON_SPECIFIC:
                words = words[1:]
            if not words:
                first = match.group("words").lower().split()[:1]
                every = "all" if first and first[0] in _EVERY_GROUP else None
                found.append(_Mention(match.start(), match.end(), "groupless", every))
                continue
            group_id, phrase = self._resolve_group(words, study)
            if group_id is None:
                self.warn(
                    line_of(match.start()),
                    f"'{' '.join(words)} group' fits no group of {study.study_id}",
                    match.group(0).strip(),
                )
                kind = "comparator" if comparators.own_comparator(words) else "unresolved"
                found.append(_Mention(match.start(), match.end(), kind))
                continue
            start = match.start() + match.group(0).lower().find(phrase)
            found.append(_Mention(start, match.end(), "group", group_id))
        return found

    def _group_sizes(
        self, text: str, line_of: Any, mentions: list[_Mention], study: StudyRef
    ) -> None:
        """Group sizes, as n claims with the group.

        'the BS group (n=12', 'the hip thrust group, 10 women', '12 of them were assigned to the
        hip thrust group', '16 in the squat group', 'each group had 12'.
        """
        for m in mentions:
            if m.kind != "group":
                continue
            for pattern in (_SIZE_AFTER_GROUP, _SIZE_APPOSITIVE):
                size = pattern.match(text, m.end)
                if size is not None and _LEFT_THE_STUDY.match(text, size.end(), size.end() + 60):
                    break  # "in the hip thrust group, two participants dropped out"
                if size is not None:
                    n = size.group("n")
                    self.claim(line_of(size.start("n")), "n", _number(n), group_id=m.value)
                    break
            else:
                before = _SIZE_BEFORE_GROUP.search(text[max(0, m.start - 80) : m.start])
                if (
                    before is not None
                    and "." not in before.group("n")
                    and not _CHANGE_BY.search(
                        text, max(0, m.start - 80), max(0, m.start - 80) + before.start("n")
                    )
                    and not _NOT_A_COUNT_BEFORE.search(
                        text, max(0, m.start - 80), max(0, m.start - 80) + before.start("n")
                    )
                ):
                    at = max(0, m.start - 80) + before.start("n")
                    self.claim(line_of(at), "n", _number(before.group("n")), group_id=m.value)
        for every in _SIZE_EACH_GROUP.finditer(text):
            n = every.group("n") or every.group("n2")
            at = every.start("n") if every.group("n") else every.start("n2")
            for group_id in study.groups:
                self.claim(line_of(at), "n", _number(n), group_id=group_id)
        self._sizes_in_parentheses(text, line_of, mentions, study)
        self._people_in_parentheses(text, line_of, study)
        self._sizes_by_exercise(text, line_of, study)
        for group in _GROUP_OF_DOING.finditer(text):
            # 'a group of 9 subjects does 3 sets of bench press': the group that trains it
            alias = self._alias_re.search(text, group.end(), min(len(text), group.end() + 40))
            if alias is not None:
                trains, _ = self._resolve_group(alias_key(alias.group(0)).split(), study)
                if trains is not None:
                    n = _number(group.group("n"))
                    self.claim(line_of(group.start("n")), "n", n, group_id=trains)
        for total in _TOTAL_BEFORE_SIZES.finditer(text):
            # '34 (16 in the squat group, 18 in the hip thrust group)': the sizes add up to it
            if not _CHANGE_BY.search(text, max(0, total.start() - 12), total.start()):
                self.claim(line_of(total.start("n")), "n", _number(total.group("n")))

    def _sizes_in_parentheses(
        self, text: str, line_of: Any, mentions: list[_Mention], study: StudyRef
    ) -> None:
        """A size in parentheses after a group's name or abbreviation, not after 'group'.

        'randomised to an FS (n=12) or BS (n=12) group', 'the hip thrust (HT; n = 6)': the
        abbreviation inside the parentheses, else the words before them, must name one group.
        """
        after_group = {m.end for m in mentions if m.kind == "group"}
        for size in re.finditer(r"\((?:[A-Z]{2,5}\s*[;:,]\s*)?n\s*=\s*\d+", text, re.I):
            start = size.start()
            window = text[max(0, start - 60) : start]
            if start - (len(window) - len(window.rstrip())) in after_group:
                continue  # '... group (n = 12)': read with the group
            match = _SIZE_IN_PARENTHESES.match(text, start)
            if match is None:  # pragma: no cover - the same opening was just found
                continue
            group_id = None
            if match.group("abbr"):
                group_id, _ = self._resolve_group([match.group("abbr").lower()], study)
            if group_id is None:
                words = _WORDS_BEFORE.search(window)
                names = words.group(1).lower().split() if words else []
                while names and names[0] in _NON_SPECIFIC:
                    names = names[1:]
                if names:
                    group_id, _ = self._resolve_group(names, study)
            if group_id is not None:
                n = match.group("n")
                self.claim(line_of(match.start("n")), "n", n, group_id=group_id)

    def _group_size_in_parentheses(self, text: str, match: re.Match[str]) -> bool:
        """Whether a count of people stands in parentheses right after a group's name."""
        study = self.state.study
        opening = text.rfind("(", max(0, match.start() - 3), match.start())
        if study is None or opening < 0 or text[opening + 1 : match.start()].strip():
            return False
        if not _PEOPLE_IN_PARENTHESES.match(text, opening):
            return False
        named = self._named_right_before(text, opening, study) is not None
        return named or self._exercise_right_before(text, opening)

    def _exercise_right_before(self, text: str, start: int) -> bool:
        """Whether an exercise's name (with 'group' or not) ends right before `start`.

        'Squats (9 people)' in a study where no one group is told by that name: the size of a
        group the reader cannot tell, not the study's total; it is left unread.
        """
        before = re.sub(r"(?i)\s+groups?$", "", text[max(0, start - 60) : start].rstrip())
        singular = before[:-1] if before.lower().endswith("s") else before  # 'Squats'
        return any(
            m.end() == len(name)
            for name in {before, singular}
            for m in self._alias_re.finditer(name, max(0, len(name) - 40))
        )

    def _people_in_parentheses(self, text: str, line_of: Any, study: StudyRef) -> None:
        """A count of people in parentheses after a group's name: that group's size.

        'Back squat (12 women): full squats', 'the hip thrust group (10 participants)'.
        """
        for size in _PEOPLE_IN_PARENTHESES.finditer(text):
            group_id = self._named_right_before(text, size.start(), study)
            if group_id is not None:
                n = _number(size.group("n"))
                self.claim(line_of(size.start("n")), "n", n, group_id=group_id)

    def _named_right_before(self, text: str, start: int, study: StudyRef) -> str | None:
        """The one group of the study the (up to four) words right before `start` name.

        Hyphens count as spaces, as in the aliases ('Push-ups (9 people)': the push-up group).
        """
        words = _WORDS_BEFORE.search(text[max(0, start - 60) : start])
        names = alias_key(words.group(1)).split() if words else []
        while names and names[0] in _NON_SPECIFIC:
            names = names[1:]
        if names and names[-1] in ("group", "groups"):
            names = names[:-1]
        return self._resolve_group(names, study)[0] if names else None

    def _sizes_by_exercise(self, text: str, line_of: Any, study: StudyRef) -> None:
        """Group sizes named by what the group trained.

        '12 trained with the squat and 10 with the hip thrust': a count with a training verb
        before an exercise that one group of the study trained; the next count of the list may
        leave the verb out. Set and rep counts ('3 sets of 10 with the squat') are not sizes.
        """
        listing = False
        for alias in self._alias_re.finditer(text):
            window_start = max(0, alias.start() - 60)
            size = _SIZE_BY_EXERCISE.search(text, window_start, alias.start())
            if size is None:
                continue
            verb = re.search(r"\b(?:trained|did|performed)\b", size.group(0), re.I)
            listed = listing and re.search(
                r"\band\s+$", text[max(0, size.start() - 8) : size.start()]
            )
            if not (verb or listed) or _SET_OR_REP_BEFORE.search(
                text, max(0, size.start() - 30), size.start()
            ):
                continue
            group_id, _ = self._resolve_group(alias_key(alias.group(0)).split(), study)
            if group_id is None:
                continue
            listing = True
            self.claim(line_of(size.start("n")), "n", _number(size.group("n")), group_id=group_id)

    def _differences(self, text: str, line_of: Any, study: StudyRef) -> None:
        """Between-group differences ('favoured the squat group by 14 kg'), as contrast claims.

        The group is the one the difference favours (carryover.claims.contrasts); the exercise
        and test are those named in the difference's own clause ('hip thrust 3RM favored HT
        [-26 kg]'), the test also the only one the study has for that group and exercise. A
        unit that is not the test's (a load in lbs, a percent) is not read.
        """
        for stated in stated_differences(text):
            group_id = self._favoured_group(stated, study)
            clause = _CLAUSE_BREAK.split(text[max(0, stated.start - 100) : stated.start])[-1]
            exercises = [
                ids & study.exercises or ids
                for ids in (
                    self.context.aliases.get(alias_key(m.group(0)), frozenset())
                    for m in self._alias_re.finditer(clause)
                )
            ]
            if group_id is None or not exercises or len(exercises[-1]) != 1:
                continue
            exercise = next(iter(exercises[-1]))
            stated_measure = _MEASURE.search(clause)
            known = study.measures.get((group_id, exercise), frozenset())
            measure = (
                f"{_measure_reps(stated_measure.group('n'))}RM"
                if stated_measure
                else (next(iter(known)) if len(known) == 1 else None)
            )
            if measure is None or _UNIT_OF.get(measure[-2:], measure) != stated.unit.lower():
                continue
            self._difference(stated, line_of, group_id, exercise, measure)

    def _favoured_group(self, stated: Stated, study: StudyRef) -> str | None:
        """The group a stated difference favours, from its words ('the squat group', 'HT')."""
        words = stated.group_words.lower().split()
        while words and words[0] in _NON_SPECIFIC:
            words = words[1:]
        if words and words[-1] in ("group", "groups"):
            words = words[:-1]
        return self._resolve_group(words, study)[0] if words else None

    def _difference(
        self, stated: Stated, line_of: Any, group_id: str, exercise: str, measure: str
    ) -> None:
        """A between-group difference as a contrast claim, with its confidence interval if given.

        The interval is a claim that the difference lies inside it.
        """
        self.claim(
            line_of(stated.value_at),
            "contrast",
            stated.value,
            group_id=group_id,
            test_exercise=exercise,
            measure=measure,
        )
        if stated.ci is not None:
            at, low, high = stated.ci
            self.claim(
                line_of(at),
                "contrast",
                low,
                group_id=group_id,
                test_exercise=exercise,
                measure=measure,
                value_to=high,
            )

    def _listed_differences(self, text: str, line_of: Any, study: StudyRef) -> None:
        """Differences stated item by item in a list, as contrast claims.

        'favoured HT over SQ for the lower [-1.6 cm²], mid [-0.5 cm²] and upper [-0.5 cm²]
        gluteal mCSAs' (carryover.claims.contrasts.listed_differences). Each item names a part
        of the test: the item with the words after the list ('lower gluteal mCSA'), or with a
        test named earlier in the sentence when those words only say what the items are
        ('glutei mCSA grew alike ... lower [...] and upper [...] regions'), must be one test,
        which is not a lift, and the unit must be its measure's.
        """
        listed = listed_differences(text)
        if not listed:
            return
        earlier = [
            alias_key(m.group(0)) for m in self._alias_re.finditer(text, 0, listed[0].stated.start)
        ]
        for one in listed:
            stated = one.stated
            group_id = self._favoured_group(stated, study)
            item = alias_key(one.item)
            candidates = [f"{item} {plural_free(alias_key(one.noun))}"]
            candidates += [f"{item} {phrase}" for phrase in reversed(earlier[-EARLIER_TESTS:])]
            tests = next(
                (ids for ids in (alias_ids(c, self.context.aliases) for c in candidates) if ids),
                frozenset(),
            )
            if group_id is None or len(tests) != 1:
                continue
            exercise = next(iter(tests))
            measure = self.context.test_measures.get(exercise)
            if measure is None or stated.unit.lower() not in MEASURE_UNITS.get(measure, ()):
                continue
            self._difference(stated, line_of, group_id, exercise, measure)

    def _abbreviated_group_after(
        self, text: str, figure: _Mention, study: StudyRef
    ) -> _Mention | None:
        """A group named by its abbreviation right after a figure ('12.2% for BS')."""
        match = _ABBREVIATION_AFTER.match(text, figure.end)
        if match is None:
            return None
        group_id, _ = self._resolve_group([match.group("abbr").lower()], study)
        if group_id is None:
            return None
        return _Mention(match.start("abbr"), match.end("abbr"), "group", group_id)

    def _level_groups(self, text: str, study: StudyRef, taken: Spans) -> list[_Mention]:
        """A group named by its level of repetitions or load alone ('low reps raised 1RM ...').

        Only words one group's label gives (carryover.claims.label_phrases: 'Lower repetitions:
        8-12 repetitions per set at ~75-90% 1RM' gives 'low reps' and 'heavy weights').
        """
        found: list[_Mention] = []
        for match in LEVEL_WORDS.finditer(text):
            if taken.hold(match.start(), match.end()):
                continue
            phrase = alias_key(match.group(0))
            hits = [g for g, phrases in study.groups.items() if phrase in phrases]
            if len(hits) == 1:
                found.append(_Mention(match.start(), match.end(), "group", hits[0]))
        return found

    def _abbreviated_groups(self, text: str, study: StudyRef, taken: Spans) -> list[_Mention]:
        """A group named by its abbreviation alone ('FST +31.8%, HST +11.3%').

        The abbreviation is one the article defined ('a half squat group (HST)') or one a group's
        label carries; a mention already read as a group, and an abbreviation naming a lift
        ('in BS 1 RM', see `_abbreviated_tests`), are left as they are.
        """
        found: list[_Mention] = []
        for match in _UPPER_WORD.finditer(text):
            word = match.group(0)
            if (
                word not in study.abbreviations
                and (study.study_id, word.lower()) not in self.defined
            ):
                continue  # 'LOW', 'BP': capitals no label carries and the article did not define
            if taken.hold(match.start(), match.end()) or _ABBREVIATED_TEST.match(
                text, match.start()
            ):
                continue
            group_id, _ = self._resolve_group([match.group(0).lower()], study)
            if group_id is not None:
                found.append(_Mention(match.start(), match.end(), "group", group_id))
        return found

    def _abbreviated_tests(self, text: str, study: StudyRef) -> list[_Mention]:
        """A test named by a group's abbreviation: 'in BS 1 RM' is the back squat group's lift.

        Only an abbreviation the study's groups answer to, of a group that trained one exercise,
        right before a repetition maximum whose figures follow in parentheses: 'HT 1RM rose' in a
        clause of its own names no test for the figures after it.
        """
        found: list[_Mention] = []
        matches = list(_ABBREVIATED_TEST.finditer(text))
        trained = self._lookups(study).trained if matches else {}
        for match in matches:
            group_id, _ = self._resolve_group([match.group("abbr").lower()], study)
            if group_id is not None and group_id in trained:
                found.append(
                    _Mention(match.start("abbr"), match.end("abbr"), "test", trained[group_id])
                )
        return found

    def _define_abbreviations(self, text: str, study: StudyRef) -> None:
        """Abbreviations the article defines for a group: 'the back squat (SQ; n = 8)'."""
        for abbreviation in _ABBREVIATION_DEFINED.finditer(text):
            # the words before the parenthesis, looked for in a bounded window
            match = _DEFINED_LAST.search(
                text[max(0, abbreviation.start() - 80) : abbreviation.end()]
            )
            if match is None:
                continue
            words = match.group("phrase").lower().split()
            while words and words[0] in _NON_SPECIFIC:
                words = words[1:]
            if words and words[-1] in ("group", "groups"):
                words = words[:-1]
            if not words:
                continue
            group_id, _ = self._resolve_group(words, study)
            if group_id is not None:
                self.defined[(study.study_id, match.group("abbr").lower())] = group_id

    def _resolve_group(self, words: list[str], study: StudyRef) -> tuple[str | None, str]:
        """The longest trailing phrase of the words that names exactly one group of the study.

        In a squat-depth study any word for a group's depth names it first ('partial squat':
        carryover.claims.depth_sides).
        """
        by_depth = depth_group(words, study.groups)
        if by_depth is not None:
            return by_depth
        for size in range(len(words), 0, -1):
            phrase = " ".join(words[-size:])
            defined = self.defined.get((study.study_id, phrase))
            if defined is not None:  # an abbreviation the article defined ("back squat (SQ)")
                return defined, phrase
            hits = [g for g, phrases in study.groups.items() if phrase in phrases]
            if len(hits) == 1:
                return hits[0], phrase
            if hits:
                return None, phrase
        return self._group_by_sets(words, study) or (None, words[-1])

    def _group_by_sets(self, words: list[str], study: StudyRef) -> tuple[str, str] | None:
        """A group named by its sets ('the three-set group'): see carryover.claims.set_groups."""
        named = sets_named(words)
        group_id = group_by_sets(named[0], study.groups) if named is not None else None
        return (group_id, named[1]) if group_id is not None and named is not None else None

    def _exercises(self, text: str, line_of: Any, study: StudyRef) -> list[_Mention]:
        found = []
        for match in self._alias_re.finditer(text):
            phrase = alias_key(match.group(0))
            ids = alias_ids(phrase, self.context.aliases)
            if not ids:  # pragma: no cover - the pattern is built from these keys
                continue
            if len(ids) > 1:
                ids = frozenset(ids & study.exercises) or ids
            if len(ids) != 1:
                self.warn(
                    line_of(match.start()),
                    f"'{phrase}' could be {', '.join(sorted(ids))} in {study.study_id}",
                    phrase,
                )
                continue
            found.append(_Mention(match.start(), match.end(), "exercise", next(iter(ids))))
        return found

    def _measures(self, text: str) -> list[_Mention]:
        found = []
        for match in _MEASURE.finditer(text):
            n = match.group("n").lower()
            reps = int(n) if n.isdigit() else NUMBER_WORDS[n]
            found.append(_Mention(match.start(), match.end(), "measure", f"{reps}RM"))
        return found

    def _figures(self, text: str) -> list[_Mention]:
        found = []
        for match in _PERCENT.finditer(text):
            # Look only at a bounded window around the figure: no copy of the text before it.
            end = min(len(text), match.end() + _NEAR)
            if (
                _LOAD_AFTER.match(text, match.end(), end)
                or _DISCOUNT_AFTER.match(text, match.end(), end)
                or _DISCOUNT_BEFORE.search(text, max(0, match.start() - _NEAR), match.start())
                or echoed_load(text, match.start(), match.end(), self._loads)
            ):
                found.append(_Mention(match.start(), match.end(), "figure", None))
                continue
            spread = _SPREAD_BEFORE.search(text, max(0, match.start() - 24), match.start())
            if spread is not None:  # '24.2 ± 7.1%' (a load '75 ± 5% of 1RM' is one above)
                found.append(_spread_figure(text, match, spread))
                continue
            value = match.group("value").replace(",", ".")
            if match.group("sign") == "-" or (
                not match.group("sign")
                and _DECREASE.search(text, max(0, match.start() - 60), match.start())
            ):
                value = "-" + value
            found.append(_bounded(text, _widened(text, match, value)))
        for start, end, value in pairs.shared_percents(text):  # '(12,2 vs. 2%)': both percents
            if not value.startswith("-") and _DECREASE.search(text, max(0, start - 60), start):
                value = "-" + value
            found.append(_Mention(start, end, "figure", value))
        return found

    def _percent_difference(
        self,
        study: StudyRef,
        text: str,
        line: int,
        figure: _Mention,
        before: list[_Mention],
        more: re.Match[str],
    ) -> None:
        """A difference between groups stated in percent: a `contrast_pct` claim.

        'The squat group's maximal squat strength rose 10-15% more than the leg press group's':
        the group and the test must be named before the figure in the sentence; 'less' makes it
        negative. The data holds differences in units, so the claim cannot be checked, but it is
        read rather than left unread. A timed test is not read ('better' would mean faster).
        """
        group = _last(before, "group")
        exercise = _last(before, "exercise") or _last(before, "test")
        if group is None or exercise is None:
            return
        known = study.measures.get((group, exercise), frozenset())
        measure = _last(before, "measure") or (next(iter(known)) if len(known) == 1 else None)
        if (
            measure is None
            and not known
            and _MAXIMAL.search(text, max(0, figure.start - 80), figure.start)
        ):
            measure = "1RM"
        if measure is None or measure == "time":
            return
        low, high = figure.value, figure.to
        if more.group("word").lower() in _LESS_WORDS:
            low, high = _negated(high or low), (_negated(low) if high else None)
        self.claim(
            line,
            "contrast_pct",
            low,
            group_id=group,
            test_exercise=exercise,
            measure=measure,
            value_to=high,
        )

    def _tests_by_kind(self, text: str, study: StudyRef) -> list[_Mention]:
        """A test named by what it measures: 'change-of-direction speed', 'agility'.

        It names the study's test of that kind (exercises.kind) when the study has exactly one.
        """
        matches = list(_KIND_WORDS.finditer(text))
        tests = [e for e in study.exercises if self.context.kinds.get(e) == "agility"]
        if len(tests) != 1:
            return []
        return [_Mention(m.start(), m.end(), "exercise", tests[0]) for m in matches]

    def _fraction_figures(self, text: str) -> list[_Mention]:
        """Changes stated in words ('by about a quarter', 'doubled their squat strength').

        A percent range a tenth either side of the fraction (carryover.claims.bounds); negative
        after a fall ('fell by half').
        """
        found = []
        for start, end, low, high in fractions(text):
            if _DECREASE.search(text, max(0, start - 60), start):
                low, high = "-" + high, "-" + low
            found.append(_Mention(start, end, "figure", low, to=high))
        return found

    def _groups_by_training(self, text: str, study: StudyRef) -> list[_Mention]:
        """Groups named by what they trained ('the students who squatted').

        'those who used the leg press', 'subjects who trained on the leg-press machine': the
        exercise must be one that exactly one group of the study trained.
        """
        found = []
        for match in _WHO_TRAINED.finditer(text):
            verb = match.group("verb")
            if verb is not None:
                phrase, end = LIFT_VERBS[verb.lower()], match.end()
            else:
                alias = self._alias_re.match(text, match.end())
                if alias is None:
                    continue
                phrase, end = alias_key(alias.group(0)), alias.end()
            group_id, _ = self._resolve_group(phrase.split(), study)
            if group_id is not None:
                found.append(_Mention(match.start(), end, "group", group_id))
        return found

    def _groups_doing(self, text: str, study: StudyRef, taken: Spans) -> list[_Mention]:
        """Groups named after the word: 'the group doing the deeper squats' (groups_doing)."""
        found = []
        for start, end, words in groups_doing.groups_doing(text):
            if taken.hold(start, end):
                continue
            for size in range(len(words), 0, -1):
                group_id, phrase = self._resolve_group(words[:size], study)
                if group_id is not None and phrase == " ".join(words[:size]):
                    found.append(_Mention(start, end, "group", group_id))
                    break
        return found

    def _protocol(self, text: str, line_of: Any) -> None:
        if not _ANY_NUM.search(text):
            return  # every protocol pattern counts with a number (`_NUM`): none here
        for match in _N_PEOPLE.finditer(text):
            if _GROUP_APPOSITIVE.search(
                text, max(0, match.start() - 40), match.start()
            ) and not self._whole_sample(text, match):
                continue  # "the hip thrust group, 10 women": a group's size, not the total
            if self._group_size_in_parentheses(text, match):
                continue  # "Back squat (12 women)": read with the group
            if _ADDED_PEOPLE.search(text, max(0, match.start() - 16), match.start()):
                # "plus another 12 subjects": a further sample, a claim about the design (other)
                self.claim(line_of(match.start("n")), "other", _number(match.group("n")))
                continue
            # "twenty-two participants ... completed": those analysed, not those randomised
            # (looked for within a bounded window: a long line of counts stays linear)
            window = min(len(text), match.end() + _NEAR)
            clause_end = _CLAUSE_END.search(text, match.end(), window)
            analysed = _own_completed(
                text, match, clause_end.start() if clause_end else window
            ) or _COMPLETED_BEFORE.search(text, max(0, match.start() - 30), match.start())
            quantity = "n_analysed" if analysed else _recruited(text, match) or "n"
            if quantity == "n_recruited" and _COMPLETERS.search(
                text, match.end(), min(len(text), match.end() + _NEAR)
            ):
                # 'recruited 24 women ... (only 22 completed the programme)': whether the data's
                # randomised count is the one recruited or the one that completed, the text does
                # not say: the recruited count is left unread (the completed one is read)
                continue
            again = _restated(match)
            if again is False:
                continue  # '20 (18) men': which count the people are is not told
            self.claim(line_of(match.start("n")), quantity, _number(match.group("n")))
            if again:  # '17 (seventeen) active men': the words restate the count, a claim too
                self.claim(line_of(match.start("again")), quantity, _number(match.group("again")))
        for at, value in subsets.subset_counts(text):
            self.claim(line_of(at), "other", _number(value))  # '19 of those participants'
        for at, n, at_a, a, at_b, b in subsets.sex_split(text):  # '20 untrained (13 male, 7 ...'
            self.claim(line_of(at), "n", _number(n))
            self.claim(line_of(at_a), "other", _number(a))
            self.claim(line_of(at_b), "other", _number(b))
        for match in [*_SESSIONS.finditer(text), *_SESSIONS_DESCRIBED.finditer(text)]:
            if _PRIOR.match(text, match.end(), min(len(text), match.end() + 50)):
                continue  # "RT 2-3 days per week over the previous 6 months": their history
            quantity = "sessions_per_week"
            if histories.gym_habit(text[max(0, match.start("n") - 40) : match.start("n")]):
                quantity = "other"  # 'men who ... went to the gym three to five times a week'
            self.claim(line_of(match.start("n")), quantity, _number(match.group("n")))
        for match in _DURATION.finditer(text):
            group = next(g for g in ("n1", "n2", "n3") if match.group(g))
            before = text[max(0, match.start(group) - 30) : match.start(group)]
            if _FREE_TRIAL.search(before) or _PART_OF_WEEKS.search(before):
                continue
            if total_spans.whole_span(text[max(0, match.start(group) - 60) : match.start(group)]):
                continue  # 'the whole period was 14 weeks': not the weeks of training
            self.claim(line_of(match.start(group)), "duration_weeks", _number(match.group(group)))
        self._completers(text, line_of)

    def _completers(self, text: str, line_of: Any) -> None:
        """A bare count of those who completed, after the people it counts were named.

        'they recruited 24 women ... (only 22 completed the programme)', '20 of them finished the
        study': the sample analysed. The people must be counted earlier in the sentence (within
        `_NEAR` characters), so that the count is of them ('3 completed the set' counts none).
        """
        for match in _COMPLETERS.finditer(text):
            people = _N_PEOPLE.search(text, max(0, match.start() - _NEAR), match.start())
            if people is None:
                continue
            self.claim(line_of(match.start("n")), "n_analysed", _number(match.group("n")))

    # -- figures laid out per group (carryover.claims.layouts) ---------------------------------

    def _label_test(self, label: str, study: StudyRef) -> tuple[str, str | None] | None:
        """The test a list item's label or a table row's first cell names, with its measure.

        An exercise with or without its repetition maximum ('Back squat 1RM'), or a muscle named
        alone ('Quadriceps'): its size test in the unit the article last said the study's muscle
        size was measured in (its thickness, or its cross-sectional area).
        """
        ids: set[str] = set()
        for match in self._alias_re.finditer(label):
            found = alias_ids(alias_key(match.group(0)), self.context.aliases)
            ids |= set(found & study.exercises) if len(found) > 1 else set(found)
        if len(ids) == 1:
            measures = self._measures(label)
            return next(iter(ids)), measures[-1].value if measures else None
        if ids:
            return None
        in_play = None
        if self.size_unit is not None and self.size_unit[0] == study.study_id:
            in_play = self.size_unit[1]
        if in_play is None:
            return None
        muscle = layouts.muscle_named(label, {m for m, _ in self.context.muscle_tests})
        test = self.context.muscle_tests.get((muscle, in_play)) if muscle else None
        return (test, None) if test else self._measured_label(label, in_play, study)

    def _measured_label(self, label: str, unit: str, study: StudyRef) -> tuple[str, None] | None:
        """The study's one size test a muscle label names with the measure in play's word.

        'Whole hamstrings' with volume in play: 'hamstrings volume' (carryover.claims.row_labels).
        """
        ids: set[str] = set()
        for phrase in row_labels.measured_phrases(label, unit):
            ids |= self.context.aliases.get(alias_key(phrase), frozenset()) & study.exercises
        return (next(iter(ids)), None) if len(ids) == 1 else None

    def _owner(self, words: str, study: StudyRef) -> str | None:
        """The one group a few words name ('the back squat', 'Push-ups', 'HT group')."""
        tokens = [w for w in alias_key(words).split() if w not in ("the", "group", "groups")]
        if not tokens:
            return None
        group_id, _ = self._resolve_group(tokens, study)
        if group_id is None and tokens[-1].endswith("s"):  # 'Push-ups' names the push-up group
            group_id, _ = self._resolve_group([*tokens[:-1], tokens[-1][:-1]], study)
        return group_id

    def _labelled_item(self, text: str, line_of: Any, study: StudyRef) -> set[int]:
        """'Gluteus maximus: up 9.4% with the back squat, up 3.7% with the hip thrust'.

        Also notes how the study measured muscle size when the sentence says so. Returns the
        ends of the figures it made claims of (the sentence's reading leaves them alone).
        """
        unit = layouts.size_unit(text) or self._size_said(text, study)
        if unit is not None:
            self.size_unit = (study.study_id, unit)
        item = layouts.labelled_item(text)
        paired = item is None and (item := layouts.labelled_pair(text)) is not None
        if item is None:
            return set()
        label, owned = item
        test = self._label_test(label, study)
        owners = [self._owner(o.owner, study) for o in owned]
        if paired:
            owners = [
                g or self._first_word_owner(o.owner, study)
                for g, o in zip(owners, owned, strict=True)
            ]
        if test is None or None in owners or len(set(owners)) != len(owners):
            return set()
        figures = {f.end: f for f in self._figures(text)}
        done: set[int] = set()
        for o, group in zip(owned, owners, strict=True):
            figure = figures.get(o.end)
            if figure is None or figure.value is None:
                continue
            if o.falls and not figure.value.startswith("-"):
                figure = replace(figure, value=_negated(figure.value))
            self._figure_claim(study, text, line_of(figure.start), figure, group, *test)
            done.add(o.end)
        return done

    def _size_said(self, text: str, study: StudyRef) -> str | None:
        """The study's one unit of muscle size, when the text says size was measured but not how.

        'they measured the amount of muscle in the front of the thigh ...': the study's data
        holds its muscles in one measure (volume), so that is how. None when the data holds
        several, or none.
        """
        if not layouts.says_size(text):
            return None
        units = {u for (_, u), test in self.context.muscle_tests.items() if test in study.exercises}
        return next(iter(units)) if len(units) == 1 else None

    def _first_word_owner(self, words: str, study: StudyRef) -> str | None:
        """The one group whose name begins with this single word ('full': the full squat group)."""
        word = alias_key(words)
        if not word or " " in word:
            return None
        hits = {
            group
            for group, phrases in study.groups.items()
            if any(" " in p and p.split()[0] == word for p in phrases)
        }
        return next(iter(hits)) if len(hits) == 1 else None

    def _muscle_lists(self, text: str, line_of: Any, study: StudyRef) -> set[int]:
        """Each group's k-th figure in its parenthesis is the k-th muscle's change.

        'The volumes of adductor and gluteus maximus muscles increased in FST (6.2% and 6.7%)
        and HST (2.7% and 2.2%)' (carryover.claims.muscle_lists): the muscles' size test in the
        measure the sentence names (else the one the article last said). Returns the ends of the
        figures it made claims of (the sentence's reading leaves them alone).
        """
        brackets = muscle_lists.figure_brackets(text)
        if not brackets or len({muscle_lists.figures_in(text, b) for b in brackets}) != 1:
            return set()
        owners = [self._owner(b.owner, study) for b in brackets]
        if None in owners or len(set(owners)) != len(owners):
            return set()
        first = brackets[0].owner_start
        lo = max(0, first - 240)
        changed = list(muscle_lists.CHANGED.finditer(text, lo, first))
        if not changed:
            return set()
        muscles = frozenset(m for m, _ in self.context.muscle_tests)
        named: list[str] = []
        for _, muscle in layouts.muscle_mentions(text, lo, changed[-1].start(), muscles):
            if muscle not in named:
                named.append(muscle)
        per_group = [
            [f for f in self._figures(text) if b.start < f.start and f.end < b.end]
            for b in brackets
        ]
        if any(len(figs) != len(named) for figs in per_group):
            return set()
        unit = muscle_lists.measured_unit(text, lo, first)
        if unit is None and self.size_unit is not None and self.size_unit[0] == study.study_id:
            unit = self.size_unit[1]
        tests = [self.context.muscle_tests.get((muscle, unit or "")) for muscle in named]
        if not named or None in tests:
            return set()
        done: set[int] = set()
        for group, figs in zip(owners, per_group, strict=True):
            for figure, test in zip(figs, tests, strict=True):
                if figure.value is None:
                    continue
                self._figure_claim(study, text, line_of(figure.start), figure, group, test, None)
                done.add(figure.end)
        return done

    def _muscle_pairs(self, text: str, line_of: Any, study: StudyRef) -> set[int]:
        """Each muscle's "a vs b" pair, "respectively", in the order the groups were named.

        See carryover.claims.muscle_pairs. Only for a study of two groups; the order is the
        one this sentence names them in before its first pair, else the one the last sentence
        naming both gave. Returns the ends of the figures it made claims of.
        """
        if len(study.groups) != 2:
            return set()
        names = self._group_patterns.get(study.study_id)
        if names is None:
            names = muscle_pairs.group_names(study.groups, study.abbreviations)
            self._group_patterns[study.study_id] = names
        pairs = muscle_pairs.muscle_pairs(text, frozenset(m for m, _ in self.context.muscle_tests))
        done: set[int] = set()
        if pairs:
            before = muscle_pairs.groups_in_order(text, pairs[0].first.start, names)
            groups = before if len(before) == 2 else self._group_order.get(study.study_id)
            units = {u for (_, u), t in self.context.muscle_tests.items() if t in study.exercises}
            unit = layouts.size_unit(text) or (next(iter(units)) if len(units) == 1 else None)
            tests = [self.context.muscle_tests.get((p.muscle, unit or "")) for p in pairs]
            if groups is not None and None not in tests:
                for pair, test in zip(pairs, tests, strict=True):
                    for fig, group in zip((pair.first, pair.second), groups, strict=True):
                        figure = _Mention(fig.start, fig.end, "figure", fig.value)
                        self._figure_claim(
                            study, text, line_of(fig.start), figure, group, test, None
                        )
                        done.add(fig.end)
        named = muscle_pairs.groups_in_order(text, len(text), names)
        if len(named) == 2:
            self._group_order[study.study_id] = tuple(named)
        return done

    def _than_pairs(self, text: str, line_of: Any, study: StudyRef) -> set[int]:
        """'the full squat grew it more than the half squat: 7% against 2%' (than_pairs).

        The group ahead is named at the start of the comparative's clause (by its name, or by the
        exercise only it trained), the group behind right after 'than'; the test is the one
        muscle the sentence named before, in the unit the article says size was measured in.
        Returns the ends of the figures it made claims of.
        """
        found = than_pairs.than_pairs(text) if len(study.groups) >= 2 else []
        done: set[int] = set()
        for pair in found:
            words = text[pair.ahead_start : pair.ahead_end]
            ahead = (
                self._owner(words, study) if pair.ahead_after else self._leading_owner(words, study)
            )
            behind = self._owner(pair.behind, study)
            test = self._named_muscle_test(text, pair.ahead_end, study)
            if test is not None and self._names_other_test(text, pair.first[0], study):
                test = None  # 'squat strength rose more ...': the figures are not the muscle's
            if ahead is None or behind is None or ahead == behind or test is None:
                continue
            figures = {f.end: f for f in self._figures(text)}
            for (_, end), group in ((pair.first, ahead), (pair.second, behind)):
                figure = figures.get(end)
                if figure is None or figure.value is None:
                    continue
                self._figure_claim(study, text, line_of(figure.start), figure, group, test, None)
                done.add(end)
        return done

    def _size_gains(self, text: str, line_of: Any, study: StudyRef) -> None:
        """'the biceps gain in the high-weight group was 2,5 mm' (size_units): change_abs in mm.

        The muscle's thickness test in mm, or the test of the group of muscles it is part of,
        only when the study's data holds that test; the group named in the clause, or each
        group for 'in both groups'.
        """
        muscles = frozenset(m for m, _ in self.context.muscle_tests)
        for gain in size_units.size_gains(text):
            named = layouts.muscles_in(text, gain.clause_start, gain.start, muscles)
            if not named and gain.thigh:
                named = {"quadriceps"}
            if len(named) != 1:
                continue
            muscle = next(iter(named))
            test = self.context.muscle_tests.get((muscle, "mm"))
            if test not in study.exercises and muscle in size_units.PART_OF:
                test = self.context.muscle_tests.get((size_units.PART_OF[muscle], "mm"))
            if test is None or test not in study.exercises or study.units.get(test, set()) - {"mm"}:
                continue  # a test the data lacks, or holds in another unit than mm
            if gain.every:
                groups = [g for g in study.groups if (g, test) in study.measures]
            else:
                owner = self._owner(gain.group_words or "", study)
                groups = [owner] if owner is not None else []
            for group in groups:
                known = study.measures.get((group, test), frozenset())
                if len(known) != 1:
                    continue
                self.claim(
                    line_of(gain.start),
                    "change_abs",
                    gain.value,
                    group_id=group,
                    test_exercise=test,
                    measure=next(iter(known)),
                )

    def _titled_size_test(
        self, text: str, figure: _Mention, exercise: str | None, study: StudyRef
    ) -> str | None:
        """The title's muscle's size test, for a figure about muscle size with no muscle named.

        'The two exercises gave similar increases in muscle volume, with a small lead for the
        frontsquat (5.1% against 4.4%)' in an article titled '... build the quadriceps?'
        (title_muscles): the quadriceps' volume. Only when the words before the figure say how
        size was measured and name no strength test, no muscle is named around the figure, and
        the study's data holds no muscle-size figure at all (so the title cannot be set against
        a figure the data holds for another muscle).
        """
        if self.title_muscle is None:
            return None
        lo = max(0, figure.start - 160)
        clause = text[lo : figure.start]
        unit = layouts.size_unit(clause)
        size_tests = set(self.context.muscle_tests.values())
        muscles = frozenset(m for m, _ in self.context.muscle_tests)
        if (
            unit is None
            or exercise in size_tests
            or self._measures(clause)
            or _STRENGTH_WORDS.search(clause)
            or layouts.muscles_in(text, lo, min(len(text), figure.end + 60), muscles)
            or any(test in size_tests for _, test in study.measures)
        ):
            return None
        return self.context.muscle_tests.get((self.title_muscle, unit))

    def _leading_owner(self, words: str, study: StudyRef) -> str | None:
        """The group the first words of a clause name ('the full squat grew it': full squat)."""
        tokens = words.split()[:6]
        for size in range(len(tokens), 0, -1):
            group = self._owner(" ".join(tokens[:size]), study)
            if group is not None:
                return group
        return None

    def _names_other_test(self, text: str, end: int, study: StudyRef) -> bool:
        """Whether the words before `end` name a test other than a muscle's size.

        A strength word or a repetition maximum, or an exercise no group of the study trained
        that is not a muscle-size test (a jump): the figures may be that test's. An exercise a
        group trained names the group.
        """
        lo = max(0, end - 240)
        if _STRENGTH_WORDS.search(text, lo, end) or self._measures(text[lo:end]):
            return True
        trained = set(self._lookups(study).trained.values())
        for match in self._alias_re.finditer(text, lo, end):
            ids = alias_ids(alias_key(match.group(0)), self.context.aliases)
            if (
                ids
                and not ids & trained
                and all(self.context.kinds.get(e, "strength") != "muscle_size" for e in ids)
            ):
                return True
        return False

    def _named_muscle_test(self, text: str, end: int, study: StudyRef) -> str | None:
        """The size test of the one muscle named before `end`, in the unit in play for the study."""
        muscles = frozenset(m for m, _ in self.context.muscle_tests)
        named = layouts.muscles_in(text, max(0, end - 240), end, muscles)
        unit = layouts.size_unit(text)
        if unit is None and self.size_unit is not None and self.size_unit[0] == study.study_id:
            unit = self.size_unit[1]
        if len(named) != 1 or unit is None:
            return None
        return self.context.muscle_tests.get((next(iter(named)), unit))

    def _lift_weighed(self, text: str, study: StudyRef) -> tuple[str, str] | None:
        """The one lift a sentence gives its lifters' weights on, whose maximum is then in play.

        'some of them squatting more than 100 kg', 'they benched about 60 kg'.
        """
        lifts: set[str] = set()
        for verb in layouts.lifts_weighed(text):
            ids = alias_ids(alias_key(verb), self.context.aliases)
            lifts |= set(ids & study.exercises) if len(ids) > 1 else set(ids)
        return (study.study_id, next(iter(lifts))) if len(lifts) == 1 else None

    def _lift_in_play(
        self, lifted: tuple[str, str] | None, study: StudyRef, ordered: list[_Mention]
    ) -> str | None:
        """The lift the sentence before weighed, for a gain whose sentence names no exercise.

        '... some of them squatting more than 100 kg. Even so, the squat group's gains were large
        (+33%)': only in the same passage, and when this sentence names no exercise or test.
        """
        if lifted is None or lifted[0] != study.study_id:
            return None
        if any(m.kind in ("exercise", "test") for m in ordered):
            return None
        return lifted[1]

    def _heading_lifts(self, text: str) -> frozenset[str]:
        """The exercises a heading names (each alias's ids), to be narrowed to a study's."""
        named = [
            alias_ids(alias_key(m.group(0)), self.context.aliases)
            for m in self._alias_re.finditer(text)
        ]
        return frozenset().union(*named) if len(named) == 1 else frozenset()

    def _heading_test(self, study: StudyRef) -> str | None:
        """The one lift of the study the section's heading names alone, if any."""
        ids = self.heading_lifts & study.exercises
        return next(iter(ids)) if len(ids) == 1 else None

    def _table_row(self, passage: Passage) -> bool:
        """A table's row of per-group figures, the groups named by the header's columns.

        '| | Bench press | Push-ups |' then '| Pectoralis major | + 19.4% | + 18.3% |': each
        cell after the row's label holds one signed percent, the change of the test the label
        names in the group its column names. True when the row was read so; a header, or a row
        of any other shape, is read as prose.
        """
        if passage.kind != "table_row":
            self.columns = None
            return False
        cells = layouts.table_cells(self.article.lines[passage.lines[0] - 1])
        if self.columns is None or len(passage.lines) != 1:
            self.columns = cells
            return False
        study = self.state.study
        if study is None or len(cells) != len(self.columns) or len(cells) < 3:
            return False
        owners = [
            self._owner(words, study) or row_labels.distinctive_owner(words, study.groups)
            for words in self.columns[1:]
        ]
        figures = [layouts.cell_figure(cell) for cell in cells[1:]]
        test = self._label_test(cells[0], study)
        if test is None or None in owners or len(set(owners)) != len(owners) or None in figures:
            return False
        line = passage.lines[0]
        self.study_lines.add(line)
        for group, cell in zip(owners, figures, strict=True):
            assert group is not None
            assert cell is not None
            words, falls = cell
            found = self._figures(words)
            if len(found) != 1 or found[0].value is None:
                continue
            figure = found[0]
            if falls and not figure.value.startswith("-"):
                figure = replace(figure, value=_negated(figure.value))
            self._figure_claim(study, words, line, figure, group, *test)
        return True


_MORE_THAN_AFTER = re.compile(  # words right after a percent: a difference between groups
    r"\s*(?P<word>more|less|greater|larger|bigger|higher|lower|smaller|better|worse)\s+"
    r"(?:than|in\s+the|for\s+the)\b",
    re.IGNORECASE,
)
_LESS_WORDS = {"less", "lower", "smaller", "worse"}
_STRENGTH_WORDS = re.compile(
    r"\bstrength\b|\b1\s?RM\b|\bone[\s-]rep|\b(?:jump\w*|sprint\w*|power|balance|endurance|"
    r"speed|agility)\b",
    re.IGNORECASE,
)
"""Words of a test other than a muscle's size: strength, a maximum, a jump, a sprint."""
_KIND_WORDS = re.compile(r"\bchange[\s-]+of[\s-]+direction\b|\bagility\b", re.IGNORECASE)
"""Words that name a test by what it measures (an agility test), not by its name."""


def _outside_asides(text: str, studies: list[_Mention]) -> list[_Mention]:
    """The study mentions of a sentence less those in an aside, when another study is named.

    'The study by Plotkin and colleagues is the first (Barbalho and colleagues had published
    one in 2020, but it was criticised)': the study named in the parenthesised aside does not
    become the one the article goes on about. A citation in parentheses ('(Barbalho et al.,
    2020)') is no aside: it has few words.
    """
    kept = [m for m in studies if not _in_aside(text, m.start)]
    return kept if kept and len(kept) < len(studies) else studies


def _in_aside(text: str, at: int) -> bool:
    """Whether `at` stands in parentheses holding a clause (more than eight words)."""
    span = _aside_around(text, at)
    return span is not None and len(text[span[0] : span[1]].split()) > 8


def _aside_around(text: str, at: int) -> tuple[int, int] | None:
    """The inside of the parentheses `at` stands in (up to 200 characters back, 400 on)."""
    window = text[max(0, at - 200) : at]
    opening = window.rfind("(")
    if opening < 0 or ")" in window[opening:]:
        return None
    start = at - len(window) + opening + 1
    closing = text.find(")", at, at + 400)
    return start, closing if closing >= 0 else min(len(text), at + 400)


def _blank_asides(text: str, starts: list[int]) -> str:
    """The text with the asides holding those mentions blanked out (same length, same offsets)."""
    for at in starts:
        span = _aside_around(text, at)
        if span is not None:
            text = text[: span[0]] + " " * (span[1] - span[0]) + text[span[1] :]
    return text


def _negated(value: str) -> str:
    return value[1:] if value.startswith("-") else "-" + value


"""After a percent, words that make it a difference between groups, not one group's change."""
_MAXIMAL = re.compile(
    r"\bmax(?:imal|imum)?\s+(?:[\w-]+\s+){0,2}?strength\b(?=[^.;]{0,60}$)", re.IGNORECASE
)
_WHO_TRAINED = re.compile(
    r"\b(?:those|(?:the\s+)?(?:[\w-]+\s+)?(?:students|participants|subjects|players|athletes|"
    r"women|men|lifters|volunteers|people|ones))\s+who\s+(?:(?P<verb>"
    + "|".join(map(re.escape, LIFT_VERBS))
    + r")\b|(?:used|did|performed|trained(?:\s+(?:on|with))?)\s+(?:the\s+)?)",
    re.IGNORECASE,
)
"""'the students who squatted', 'those who trained on the': a group named by its training."""


_FOR_GROUP = re.compile(r"\s*(?:for|in|among|within|by)\s+(?:the\s+|both\s+|each\s+)?", re.I)


_COUNTING = {
    "both",
    "each",
    "all",
    "every",
    "two",
    "one",
    "other",
    "either",
    "neither",
    "a",
    "an",
    "another",
}


def _counted_groups(words: list[str]) -> str | None:
    """Whether words before 'group(s)' end with a count ('rose in both', 'into two').

    'all' for every group, '' for none in particular, None when the words may name a group.
    """
    if len(words) < 2 or not (words[-1] in _COUNTING or words[-1] in ("2", "3", "4")):
        return None  # 'split into 2 groups' counts them too
    return "all" if words[-1] in _EVERY_GROUP else ""


_FASTER = re.compile(
    r"\b(?:faster|quicker|speed\w*\s+(?:\w+\s+){0,2}?(?:improv\w*|increas\w*|rose|gain\w*)|"
    r"times?\s+(?:\w+\s+){0,2}?(?:improv\w*|dropp?\w*|fell|decreas\w*|shortened))\b",
    re.IGNORECASE,
)
_SLOWER = re.compile(r"\b(?:slower|slowed|longer)\b", re.IGNORECASE)


def _time_signed(text: str, figure: _Mention, measure: str | None) -> tuple[str, str | None]:
    """A change of a time (a sprint, an agility run) with its sign from the words.

    'speed improved (~1.5 %)' and 'times dropped 2%' are a shorter time: negative. A figure
    written with its own sign, or said to be slower, keeps its sign. Returns the figure and the
    other end of its range (None for one figure).
    """
    value, to = str(figure.value), figure.to
    if measure != "time" or value.startswith("-") or text[figure.start : figure.start + 1] == "+":
        return value, to
    before = text[max(0, figure.start - 80) : figure.start]
    clause = re.split(r"[;,]|\bbut\b|\bwhile\b|\band\b", before)[-1]
    if _FASTER.search(clause) and not _SLOWER.search(clause):
        return "-" + value, None if to is None else "-" + to.lstrip("-")
    return value, to


_RANGE_BEFORE = re.compile(
    r"(?<![\d.,\-\u2212\u2013])(?P<sign>[+\-\u2212]?)(?P<a>\d+(?:\.\d+)?)\s?(?:[\-\u2212\u2013]|to)\s?$"
)
_APPROX_BEFORE = re.compile(
    r"(?:[~\u2248]|\b(?:roughly|about|around|approximately|approx\.?|nearly|almost|some|circa|"
    r"close\s+to))\s?$",
    re.IGNORECASE,
)


def _spread_figure(text: str, match: re.Match[str], spread: re.Match[str]) -> _Mention:
    """A percent written as a spread: '24.2 ± 7.1%' is the figure 24.2% (its SD 7.1%).

    The percent sign stands for both numbers, so the figure is the mean before the '±'; a spread
    with no mean before it ('± 7.1%') is no figure of a change at all.
    """
    if spread.group("mean") is None:
        return _Mention(match.start(), match.end(), "figure", None)
    value = spread.group("mean").replace(",", ".")
    if spread.group("sign") == "-" or (
        not spread.group("sign")
        and _DECREASE.search(text, max(0, spread.start() - 60), spread.start())
    ):
        value = "-" + value
    return _Mention(spread.start(), match.end(), "figure", value)


def _widened(text: str, match: re.Match[str], value: str) -> _Mention:
    """A percent figure with the interval the writer gave it.

    A range ('+8-11 %', '10 to 15%') is both ends; an approximation ('~1.5 %', 'roughly 13%')
    allows a tenth either way, as the number finder reads '~' (carryover.claims.numbers).
    """
    start = match.start()
    low = _RANGE_BEFORE.search(text, max(0, start - 16), start)
    negative = value.startswith("-")
    high = value.lstrip("-")
    if low is not None and float(low.group("a")) < float(high):
        sign = "-" if negative or low.group("sign") in ("-", "\u2212") else ""
        return _Mention(low.start(), match.end(), "figure", sign + low.group("a"), to=sign + high)
    if _APPROX_BEFORE.search(text, max(0, start - 16), start):
        places = len(high.partition(".")[2]) + 1
        number = float(value)
        lo, hi = f"{number * 0.9:.{places}f}", f"{number * 1.1:.{places}f}"
        return _Mention(start, match.end(), "figure", lo, to=hi)
    return _Mention(start, match.end(), "figure", value)


def _bounded(text: str, figure: _Mention) -> _Mention:
    """A percent figure stated as one end only: 'by more than 30%', 'up to 12%', 'over 20%'.

    Only a single value (not a range or an approximation), with the bound's words right before
    it (carryover.claims.bounds, a bounded window).
    """
    if figure.to is not None or figure.value is None:
        return figure
    window = text[max(0, figure.start - 24) : figure.start]
    bound = stated_bound(text[figure.start : figure.end], window, "")
    return figure if bound is None else replace(figure, bound=bound.relation)


_RM_TEST = re.compile(r"\d+RM")
"""A repetition maximum as the reader names it ('1RM', '3RM')."""
_NEW_CLAUSE = re.compile(r"\bbut\b|\bwhereas\b|;", re.IGNORECASE)


def _carried(
    exercise: str | None, text: str, ordered: list[_Mention], figures: list[int], k: int
) -> str | None:
    """The previous figure's exercise, unless a contrast ('but ...', ';') starts a new clause.

    'broad jump distance (+8-11 %) rose, but change-of-direction speed improved (~1.5 %)': the
    second figure is about another test, which is not the broad jump.
    """
    if exercise is None or k == 0:
        return exercise
    since = ordered[figures[k - 1]].end
    return None if _NEW_CLAUSE.search(text, since, ordered[figures[k]].start) else exercise


_EVERY_AFTER = re.compile(
    r"(?:[\w\-]+\s+){0,2}?(?:in|for|among|across|within)\s+(?:both|each|all|every)\s", re.I
)


def _every_after(text: str, figure: _Mention, after: list[_Mention]) -> bool:
    """'(+8-11 %) rose in both groups', '7.7% in each group': the figure is every group's."""
    nxt = after[0] if after else None
    return (
        nxt is not None
        and nxt.kind == "groupless"
        and nxt.value == "all"
        and not text[figure.end : nxt.start].strip(" )")
        and bool(_EVERY_AFTER.match(text, nxt.start, nxt.end))
    )


_CLAUSE_BREAK = re.compile(r"[;:,\]\)]|\band\b|\bbut\b|\bwhile\b|\bwhereas\b", re.I)
_UNIT_OF = {"RM": "kg", "peak_force": "n"}
"""The unit a difference in a test is stated in (the study data's unit for it)."""


def _measure_reps(n: str) -> int:
    return int(n) if n.isdigit() else NUMBER_WORDS[n.lower()]


def _middle(row: dict[str, Any]) -> str:
    """A claim's figure as the number it was read from: the middle of a range ('8-11 %': 9.5)."""
    if row.get("value_to") is None:
        return str(row["value"])
    return str((float(row["value"]) + float(row["value_to"])) / 2)


_LIST_BREAK = re.compile(r"[.;:]|\bbut\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)


def _every_later(text: str, ordered: list[_Mention]) -> set[int]:
    """The figures of a list that ends 'in both groups': each is every group's.

    'jump height (+5 %) and broad jump (+8-11 %) rose in both groups': no group and no clause
    break stand between the figure and 'in both groups'. One pass from the end, with the clause
    breaks found once (linear in the sentence).
    """
    breaks = [m.start() for m in _LIST_BREAK.finditer(text)]
    found: set[int] = set()
    target: _Mention | None = None  # the next group-like mention, if it says 'in both groups'
    for i in range(len(ordered) - 1, -1, -1):
        m = ordered[i]
        if m.kind in ("group", "unresolved", "comparator"):
            target = None
        elif m.kind == "groupless":
            every = m.value == "all" and _EVERY_AFTER.match(text, m.start, m.end)
            target = m if every else None
        elif m.kind == "figure" and target is not None:
            k = bisect.bisect_left(breaks, m.end)
            if k == len(breaks) or breaks[k] >= target.start:
                found.add(i)
    return found


_RECRUITED_BEFORE = re.compile(
    r"\b(?:recruited|enlisted|enrolled|screened|signed\s+up)\s+"
    r"(?:(?:a\s+total\s+of|some|about|around|roughly|nearly|almost)\s+)?$",
    re.IGNORECASE,
)
_RECRUITED_AFTER = re.compile(
    r"\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:were|was|had\s+been|have\s+been|initially|first|\s)*"
    r"(?:recruited|enlisted|enrolled|screened)\b",
    re.IGNORECASE,
)
"""Words that make a count those recruited ('the researchers enlisted 29 women', '30 men were
recruited'): some of them may never have been randomised or analysed."""


def _restated(match: re.Match[str]) -> bool | None:
    """Whether a count of people restates itself in a parenthesis ('17 (seventeen) active men').

    None when there is no parenthesis; False when it holds another count ('20 (18) men').
    """
    if match.group("again") is None:
        return None
    return _number(match.group("n")) == _number(match.group("again"))


def _own_completed(text: str, match: re.Match[str], end: int) -> bool:
    """Whether 'completed' (or 'were analysed', ...) after a count of people is that count's.

    Not when another count stands between them: in '24 women ... (only 22 completed the
    programme)' the 22 completed, the 24 were recruited.
    """
    done = _COMPLETED.search(text, match.end(), end)
    return done is not None and _ANOTHER_COUNT.search(text, match.end(), done.start()) is None


_ANOTHER_COUNT = re.compile(rf"(?<![\w.])(?:{_NUM})(?![\w.])", re.IGNORECASE)
_COMPLETERS = re.compile(
    rf"(?<![\w.])(?P<n>{_NUM})\s+(?:of\s+them\s+)?(?:completed|finished)\s+(?:the|all)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:study|programme|program|trial|intervention|training|protocol|"
    r"experiment)\b",
    re.IGNORECASE,
)
"""'22 completed the programme', '20 of them finished the study': no people word after it."""


def _recruited(text: str, match: re.Match[str]) -> str | None:
    """'n_recruited' when a count of people is of those recruited, else None.

    A recruited count may be larger than the randomised one (people excluded or who withdrew
    before the start), so it is judged apart from the sample that trained (see judge.py).
    """
    if _RECRUITED_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        return "n_recruited"
    if _RECRUITED_AFTER.match(text, match.end(), min(len(text), match.end() + 60)):
        return "n_recruited"
    return None


def _units(outcomes: pl.DataFrame) -> dict[str, frozenset[str]]:
    """Per test, the units a study's outcome rows give figures in (an empty unit is none)."""
    if "unit" not in outcomes.columns:
        return {}
    found: dict[str, set[str]] = {}
    for test, unit in outcomes.select("test_exercise", "unit").iter_rows():
        found.setdefault(test, set()).update([unit] if unit else [])
    return {test: frozenset(units) for test, units in found.items()}


def _group_size_facts(groups: pl.DataFrame) -> dict[str, frozenset[str]]:
    """Each study's group sizes, analysed or randomised, as stated facts ('n:12')."""
    sizes: dict[str, set[str]] = {}
    columns = [c for c in ("n", "n_randomized") if c in groups.columns]
    for row in groups.select("study_id", *columns).iter_rows():
        sizes.setdefault(row[0], set()).update(f"n:{int(v)}" for v in row[1:] if v)
    return {study_id: frozenset(v) for study_id, v in sizes.items()}


def _whole_sample(text: str, start: int, end: int) -> bool:
    """'a group of 22 women was divided ...': the size of the whole sample, not of a group."""
    return bool(
        _WHOLE_SAMPLE_GROUP.search(text, max(0, start - 20), start)
        and _DIVIDED_AFTER.match(text, end)
    )


def _group_after(text: str, figure: _Mention, after: list[_Mention]) -> _Mention | None:
    """The group named right after a figure ('10.2% for the squat group'), which owns it."""
    groups = [m for m in after if m.kind == "group"]
    if groups and _FOR_GROUP.fullmatch(text[figure.end : groups[0].start]):
        return groups[0]
    return None


_RESPECTIVELY = re.compile(r"\b(?:respectively|in that order|in the same order)\b", re.I)
_OWN_EXERCISE = re.compile(
    r"\s*(?:\)\s*)?(?:on|to|in|for|of|at)\s+(?:their|the|his|her|its)?\s*$", re.I
)


def _respective(text: str, ordered: list[_Mention], figures: list[int]) -> dict[int, str]:
    """Figures read respectively ('35 % and 31 %, in that order').

    The figures after the last group named take the groups in the order the sentence named them.
    """
    if not _RESPECTIVELY.search(text):
        return {}
    groups = list(dict.fromkeys(m.value for m in ordered if m.kind == "group"))
    last_group = max((j for j, m in enumerate(ordered) if m.kind == "group"), default=-1)
    trailing = [i for i in figures if i > last_group]
    if len(groups) < 2 or len(trailing) != len(groups):
        return {}
    return dict(zip(trailing, groups, strict=True))


EARLIER_TESTS = 3
"""How many of the tests a sentence names before a list of differences the items may be parts
of (the nearest first): a bounded number, so a long sentence stays linear."""
_WITH_BEFORE = re.compile(
    r"\b(?:with|using|(?:lead|edge|advantage)\s+(?:for|to)|in\s+favou?r\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""Words that make the exercise after them what a gain came with: the group that trained it."""
_FIGURE_IN_PARENTHESES = re.compile(r"\s*\(\s*(?:~|\u2248|about\s+|around\s+)?[+\-]?\d")
_SECOND_OF_A_PAIR = re.compile(r"\d\s*%?\s*(?:vs\.?|versus)\s*$", re.IGNORECASE)
"""A figure set against the one right before it ('12.2 vs. 2%'): the two are not one group's."""
_PAIR_WORD = re.compile(r"\b(?:vs\.?|versus|against)\s", re.IGNORECASE)
_PAIR_BETWEEN = re.compile(r"\s*(?:vs\.?|versus|against)\s*", re.IGNORECASE)
_PAIR_OPEN = re.compile(r"\(\s*$")
_PAIR_CLOSE = re.compile(r"\s*\)")
_AHEAD = re.compile(
    r"\b(?:(?:lead|edge|advantage)\s+(?:for|to)|(?:lean(?:s|ed|ing)?|tilt(?:s|ed|ing)?|tip(?:s|ped)?)"
    r"(?:\s+a\s+little|\s+slightly)?\s+towards?|in\s+favou?r\s+of|favou?r(?:s|ed|ing))"
    r"\s+(?:the\s+)?",
    re.IGNORECASE,
)


def _larger_gain(first: _Mention, second: _Mention) -> bool:
    """Both figures gains, the first the larger: the order a writer gives a lead in."""
    try:
        a, b = float(first.value), float(second.value)
    except (TypeError, ValueError):
        return False
    return a > b > 0


def _exercise_right_after(text: str, figure: _Mention, after: list[_Mention]) -> _Mention | None:
    """An exercise named right after a figure ('24.8% on their hip thrust') is the figure's."""
    exercises = [m for m in after if m.kind == "exercise"]
    if exercises and _OWN_EXERCISE.fullmatch(text[figure.end : exercises[0].start]):
        return exercises[0]
    return None


def _next_of_kind(mentions: list[_Mention], kind: str) -> list[Any]:
    """For each position, the value of the first mention of a kind at or after it (None: none)."""
    out: list[Any] = [None] * (len(mentions) + 1)
    for i in range(len(mentions) - 1, -1, -1):
        out[i] = mentions[i].value if mentions[i].kind == kind else out[i + 1]
    return out


def _last_index(mentions: list[_Mention], kind: str) -> int:
    """Where the last mention of a kind stands in the list (0 when there is none)."""
    return max((k for k, m in enumerate(mentions) if m.kind == kind), default=0)


def _last(mentions: list[_Mention], kind: str) -> Any:
    values = [m.value for m in mentions if m.kind == kind]
    return values[-1] if values else None


def _first(mentions: list[_Mention], kind: str) -> Any:
    values = [m.value for m in mentions if m.kind == kind]
    return values[0] if values else None


def _as_float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else "no message"


def _number(text: str) -> str:
    if text[0].isdigit():
        return text
    value = word_value(text)
    return str(int(value)) if value is not None else str(NUMBER_WORDS[text.lower()])


def alias_key(phrase: str) -> str:
    """An alias as the reader looks it up: lower case, hyphens and runs of spaces as one space.

    'Back-squat', 'back  squat' and 'back squat' wrapped over two lines all name 'back squat'.
    """
    return _ALIAS_GAP.sub(" ", phrase.lower()).strip()


_ALIAS_GAP = re.compile(r"[\s\-\u2010\u2011]+")


def alias_ids(phrase: str, aliases: dict[str, frozenset[str]]) -> frozenset[str]:
    """The exercise ids an alias names, also written as one word ('backsquat', 'frontsquat')."""
    ids = aliases.get(phrase)
    if ids is None:
        ids = frozenset().union(*(v for k, v in aliases.items() if k.replace(" ", "") == phrase))
    return ids


def _exercise_finder(aliases: dict[str, frozenset[str]]) -> Callable[[str], set[str]]:
    """A function giving the exercise ids a text names unambiguously."""
    pattern = _alternation(aliases)

    def found(text: str) -> set[str]:
        out: set[str] = set()
        for match in pattern.finditer(text):
            ids = alias_ids(alias_key(match.group(0)), aliases)
            if len(ids) == 1:
                out |= ids
        return out

    return found


def _exercise_names(aliases: dict[str, frozenset[str]]) -> Callable[[str], set[frozenset[str]]]:
    """A function giving, per exercise name in a text, the exercise ids it may stand for.

    A plural names the exercise too ('squats or hip thrusts').
    """
    gap = r"[\s\-\u2010\u2011]*"
    ordered = sorted(aliases, key=len, reverse=True)
    body = "|".join(gap.join(map(re.escape, p.split(" "))) for p in ordered) or "(?!)"
    pattern = re.compile(rf"(?<![\w-])(?P<name>{body})s?(?![\w-])", re.IGNORECASE)

    def found(text: str) -> set[frozenset[str]]:
        out: set[frozenset[str]] = set()
        for match in pattern.finditer(text):
            ids = alias_ids(alias_key(match.group("name")), aliases)
            if ids:
                out.add(frozenset(ids))
        return out

    return found


def _alternation(phrases: dict[str, frozenset[str]]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    # the words of an alias may be written apart, hyphenated or as one word ("backsquat")
    gap = r"[\s\-\u2010\u2011]*"
    body = "|".join(gap.join(map(re.escape, p.split(" "))) for p in ordered) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def article_study(
    every: list[Passage], mentions_at: list[list[StudyMention]], context: Context
) -> tuple[StudyRef, str] | None:
    """The one study an article that names none describes, taken over its whole text.

    An article about one study may give its title only at the end, or spread its population and
    design over sections: the whole text's description is scored like a passage's
    (`Linker.by_description`). None when the article names a study anywhere (by author,
    identifier or journal), or when no study clearly wins.
    """
    if any(mentions_at):
        return None
    text = " ".join(p.text for p in every)
    if _SEVERAL_STUDIES.search(text):
        return None  # "two studies recently found ...": no one study is the article's
    described = context.linker.by_description(text)
    if described is None:
        return None
    study = context.studies[described.candidates[0]]
    return study, f"{'+'.join(described.resolved_by)} (whole article): {described.words}"


def _title_passages(every: list[Passage]) -> list[set[str]]:
    """Each passage's content words, as a title is compared with them (see `titled_article`)."""
    # a title is a short passage of its own: a long paragraph is never one (and never read whole)
    return [content_words(p.text) if p.length <= TITLE_WINDOW else set() for p in every]


def titled_article(every: list[Passage], context: Context, study_id: str) -> bool:
    """Whether a passage of the article is the study's whole title (`titles.written_title`)."""
    return written_title(_title_passages(every), context.linker.whole_titles, study_id)


def titled_study_of(
    every: list[Passage], mentions_at: list[list[StudyMention]], context: Context
) -> tuple[StudyRef, str] | None:
    """The study an article names by journal or shared name and also writes the whole title of.

    "European Journal of Applied Physiology" fits two studies of that journal; an article that
    writes one of them's whole title as a heading or line of its own (`titled_article`), and
    names no study its mentions could not be, is about that one (cue `whole title`). None when
    the article names no study, or no single mentioned study's title is written out.
    """
    found = [m for ms in mentions_at for m in ms]
    if not found or any(not m.candidates for m in found):
        return None
    if all(len(m.candidates) == 1 for m in found):
        return None
    shared = set(found[0].candidates).intersection(*(m.candidates for m in found[1:]))
    words = _title_passages(every)
    titles = context.linker.whole_titles
    titled = [c for c in sorted(shared) if written_title(words, titles, c)]
    if len(titled) != 1:
        return None
    return context.studies[titled[0]], f"whole title ({', '.join(m.words for m in found[:2])})"


@dataclass(frozen=True)
class ArticleRead:
    """An article read, before any frame is built: its claims rows, findings and numbers."""

    article: Article
    rows: list[dict[str, Any]]
    """The claims rows (text cells like claims.csv, and `line`, `source_line`)."""
    findings: list[dict[str, Any]]
    """The article's findings: its file's problems, the reader's warnings, its unread numbers."""
    disposed: list[accounting.Disposed]
    resolved_by: list[str]


def read_text(article: Article, context: Context) -> ArticleRead:
    """Read an article's claims, findings and numbers as Python values (see `read_article`).

    An unexpected failure while reading one article is an `article_unreadable` finding on that
    article (with none of its claims), never a stopped run: the other articles are still read.
    """
    reader = Reader(article, context)
    try:
        every = list(passages(article.lines))
        mentions_at = [context.linker.mentions(p.text) for p in every]
        whole = article_study(every, mentions_at, context) or titled_study_of(
            every, mentions_at, context
        )
        study, cues = whole if whole is not None else (None, "")
        named = study is not None and titled_article(every, context, study.study_id)
        reader.read(study, f"whole title, {cues}" if named else cues, every, mentions_at, named)
    except Exception as exc:  # one article must never stop the run
        reader.rows = []
        reader.warnings = [
            finding(
                "article_unreadable",
                "claims",
                article.source_file,
                None,
                f"{article.source_file} could not be read for claims ({type(exc).__name__}: "
                f"{_first_line(exc)}); its claims are not checked",
            )
        ]
    disposed = accounting.dispose(
        article.lines,
        [(int(r["line"]), _middle(r), r["quantity"], bool(r.get("bound"))) for r in reader.rows],
        reader.study_lines,
        {line: accounting.STUDY_AMBIGUOUS for line in reader.ambiguous},
    )
    unread = []
    for d in disposed:
        if d.disposition == accounting.UNREAD:
            around = accounting.words_around(article.lines[d.line - 1], d.column, d.text)
            why = (
                f"passage about a study the data cannot tell apart ({reader.ambiguous[d.line]}) "
                "was not read"
                if d.reason == accounting.STUDY_AMBIGUOUS
                else "passage about a study was not read as a claim or set aside"
            )
            unread.append(
                finding(
                    "number_unread",
                    "claims",
                    article.source_file,
                    d.line,
                    f"{article.article_id} line {d.line}, column {d.column}: {d.text} in a "
                    f"{why}: '{around}'",
                    column_name=f"column {d.column}",
                    value=around,
                )
            )
    return ArticleRead(
        article,
        reader.rows,
        [*article.problems, *reader.warnings, *unread],
        disposed,
        reader.resolved_by,
    )


def read_article(article: Article, context: Context) -> Extracted:
    """Turn an article into claims rows (text cells like claims.csv) and warnings.

    The frames of one article; `carryover.claims.batch` builds them once for many articles.
    """
    read = read_text(article, context)
    frame = claims_frame(read.rows, article.source_file)
    return Extracted(
        spec=CLAIMS,
        source_file=article.source_file,
        sha256=article.sha256,
        rows=frame,
        rejected=pl.DataFrame(
            schema={"source_line": pl.Int64(), "raw": pl.String(), "reasons": pl.String()}
        ),
        findings=findings_frame(read.findings),
        lines=pl.Series("line", article.lines, dtype=pl.String),
        data_rows=frame.height,
        numbers=accounting.numbers_frame(
            article.article_id,
            article.source_file,
            read.disposed,
            read.rows,
            read.resolved_by,
        ),
    )

"""Every number written in a line of text, with its column and the interval it states.

A number is what an editor would circle: digits ("12.9", "1,200"), number words used as figures
("fourteen", "Twenty-two", "twice", "half"), with what belongs to it: a sign or approximation mark
("+5 %", "~1.5 %", "-26" with any minus sign), a percent, a range ("+8-11 %", "18-30", any
dash, or a tilde or wave dash between two numbers: "4~6", "15 〜 17"), a spread ("14 ± 2 kg",
"4.8 +/- 0.8"), a comparison ("P<0.001", "≥ 70%") and a confidence interval "(-6.1, 2.0)";
a decade of age ("twenties", "in their early 20s") with the years it spans.
A citation block "31(4): 999-1008" is one number. Names of tests are not numbers ("1RM", "3 RM",
"three-repetition maximum"), nor are digits inside HTML comments. A link's target or a web address
is no figure either, nor is a DOI written out in the text, but their numbers are listed as
identifiers (a DOI as one), so that none is silently dropped; "25-35 RM" and "8 RM-12 RM" are
repetition ranges (schemes). "once a week" and "only one joint" count one ("once they had
passed" and "only one of them" do not); a circled number ("①", "⑳", "❶") is a list marker; a
date in Chinese or Japanese characters ("2023年7月3日") is a year, a month and a day.

Pure: a line in, `Number`s out; columns are 1-based positions in the line as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from carryover.claims.figure_words import Span, counted_ones, glued_schemes, hundreds, word_ranges

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "once": 1, "twice": 2, "thrice": 3, "half": 0.5, "quarter": 0.25,
    "twenties": 20, "thirties": 30,
}  # fmt: skip
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
COMPOUND_WORD = rf"{_TENS}-{_UNITS}"
"""'twenty-two', 'thirty-four', ...: a number word in two parts."""
_WORD = rf"(?:{_TENS}-{_UNITS}|" + "|".join(sorted((w for w in WORDS), key=len, reverse=True)) + ")"
NUMBER_WORD = _WORD
"""A number word as a pattern ('nine', 'twenty-two', 'twice')."""
_MINUS = "-\u2212\u2013"
_TILDES = "~\u301c\uff5e"
"""A tilde, wave dash or full-width tilde: between two numbers a range ('26~27', '15 〜 17')."""
_DIGITS = (
    r"\d+,\d{1,2}(?=\s?%|\s?(?:vs\.?|versus|against)\s?[+\u2212\-]?\d+(?:[.,]\d+)?\s?%"
    r"|\s?(?:times|x|\u00d7)\s|\s?(?:mm|cm|kg|kgs|lbs?)\b)"
    r"|\d+(?:,\d{3})*(?:\.\d+)?|\.\d+"
)
"""A decimal comma only before a percent ('12,4%'), before 'vs.' and a percent ('9,4 vs.
3,7%': the pair shares its sign), before 'times' ('1,5 times their body weight') or before a
unit of length or weight ('2,5 mm', '23,7 kg'): '1,200' and '(12, 10)' are not decimals."""
_SIGN = r"(?:[~≈≥≤<>]\s?|[+\u2212](?=\d))?"
_UNIT = (
    r"(?:\s?%|\s?percent\b|\s?per cent\b|\s?(?:kg|cm²|cm|mm|lbs?\.?|pounds|m|s|y|h)\b|°"
    r"|(?<=\d\d)º|(?<=[1-9])x|(?<=\d\d)x|(?<=\.\d)x)?"
)
"""A unit that belongs to its number; 'º', the ordinal sign Spanish and Portuguese writers also
use for degrees ('140º of knee flexion'), only after two digits or more ('1º' is 'first'); an 'x'
glued to a number, a multiple ('~1.5x body weight', '2x a week'; not '0x', a hexadecimal
prefix)."""
_CI = re.compile(
    rf"\((?P<lo>[{_MINUS}]?\d+\.\d+|[{_MINUS}]\d+),\s*(?P<hi>[{_MINUS}]?\d+(?:\.\d+)?)\)"
)
_LABELLED_CI = re.compile(
    rf"\s*:?\s*(?P<ci>\((?P<lo>[{_MINUS}]?\d+(?:\.\d+)?),\s*(?P<hi>[{_MINUS}]?\d+(?:\.\d+)?)\))"
)
"""The interval right after a 'CI95%' label, whole numbers included ('(9, 18)')."""
_CITATION = re.compile(r"\b\d{1,4}\s?\(\d{1,3}\):\s?[A-Za-z]?\d+(?:\s?[-\u2013]\s?[A-Za-z]?\d+)?")
_P_VALUE = re.compile(rf"\b[Pp]\s?(?:[<>=≤≥]|&lt;|&gt;)\s?(?:{_DIGITS})")
_FIGURE = re.compile(
    rf"(?<![\w,])(?<!\d\.)(?P<sign>{_SIGN})(?P<a>{_DIGITS})"
    rf"(?:(?P<spread>\s?(?:±|\+/-|\+/\u2212)\s?)(?P<sd>{_DIGITS})"
    rf"|(?P<range>\s?[{_MINUS}{_TILDES}]\s?|\s(?:to)\s)(?P<b>{_DIGITS})(?![\d/]))?"
    rf"(?P<unit>{_UNIT})(?:(?<=%)|(?![\w]))",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|"
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}\b(?!:)|"
    r"\b\d{1,2}\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b|"
    # a year and month ('2018-09') and a day and month ('22-jun', '3-Sep')
    r"\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])\b(?!-\d)|"
    r"\b\d{1,2}-(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
    r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_SCHEME = re.compile(r"(?<![\w.])\d+(?:-\d+){2,}(?![\w.])")
_GROUP_N = re.compile(r"\b[nN]\s?=\s?\d+")
_CI_LABEL = re.compile(r"\bCI\s?95\s?%|\b95\s?%\s?CI\b")
_NUMBER_WORD = re.compile(rf"(?<![\w-])(?P<w>{_WORD})(?:-(?P<suffix>\w+))?(?![\w])", re.I)
_MEASURE_NAME = re.compile(
    rf"(?<![\w.])(?:\d{{1,2}}|{_UNITS}|ten)[\s-]?(?:RMs?\b|(?:rep(?:etition)?s?)[\s-]+max(?:imum|imums|es)?\b"
    r"|rep\b(?=(?:\s+[\w-]+){0,2}?\s+max))",
    re.IGNORECASE,
)
_MASK = re.compile(
    r"<!--.*?-->|\]\([^)]*\)|https?://\S+|\bdoi:\s*\S+|\b10\.\d{4,9}/\S+|<[^>]+>", re.I
)
_COMMENT = re.compile(r"<!--.*?-->")
_ADDRESS = re.compile(r"(?<=\]\()[^)\s]+(?=\))|https?://[^\s)\]>]+", re.I)
"""A link's target or a bare web address (outside HTML comments, which are masked first)."""
_RM_RANGE = re.compile(
    rf"(?<![\w.])(?P<range>\d{{1,2}}\s?RM\s?[{_MINUS}{_TILDES}]\s?\d{{1,2}}\s?RMs?\b"
    rf"|\d{{1,2}}\s?[{_MINUS}{_TILDES}]\s?\d{{1,2}}(?=[\s-]?RMs?\b))",
    re.IGNORECASE,
)
"""'25-35 RM', '8 RM-12 RM', '6~8 RM': a repetition range, one number."""
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s)\]>,;]+|\bPMC\d+|\bPMID:?\s?\d+", re.I)
_ONE_COUNTS = re.compile(
    r"^\s+(?:year|month|week|day|session|set|rep|minute|hour|time|participant|subject|person|"
    r"player|athlete|lifter|wom[ae]n|m[ae]n|girl|boy|volunteer)s?\b",
    re.I,
)


_ONCE = re.compile(
    r"(?<![\w-])once(?=\s+(?:(?:a|per|every|each)\s+(?:other\s+)?"
    r"(?:day|week|fortnight|month|year|session|workout)\b|weekly\b|daily\b))",
    re.I,
)
"""'once a week', 'once per session': a frequency of one (not 'once they had passed')."""
_ONE_COUNTED = re.compile(
    r"\b(?:only|just|exactly|at\s+least|at\s+most|more\s+than|fewer\s+than|less\s+than)"
    r"\s+(?P<w>one)\b(?!\s+(?:of|another)\b)",
    re.I,
)
"""'only one joint', 'more than one exercise': after a word of quantity, 'one' counts."""
_CIRCLED = "".join(
    chr(c)
    for c in range(0x2460, 0x3300)
    if "CIRCLED" in unicodedata.name(chr(c), "") and unicodedata.numeric(chr(c), -1) >= 0
)
_CIRCLED_NUMBER = re.compile(f"[{re.escape(_CIRCLED)}]")
"""A circled (or parenthesised-circle) number such as ① ② ⑳ ❶: a list marker."""
_CJK_DATE = re.compile(
    r"(?P<y>\d{4})\s?年\s?(?:(?P<m>\d{1,2})\s?月\s?(?:(?P<d>\d{1,2})\s?日)?)?"
    r"|(?P<m2>\d{1,2})\s?月\s?(?P<d2>\d{1,2})\s?日"
)
"""A date in Chinese or Japanese characters ('2023年7月3日'): year, month and day each a number."""
_LINE_END = re.compile(r"\s*\Z")
_BARE_DOI = re.compile(r"\b10\.\d{4,9}/[^\s)\]>,;]+")
_ANY_DIGIT = re.compile(r"\d")
"""Any digit, as `\\d` reads one: a text without one has no match of a pattern that needs one."""


@dataclass(frozen=True)
class Number:
    """One number as written: its column (1-based), text, value and interval."""

    column: int
    text: str
    value: float | None
    lo: float | None
    hi: float | None
    kind: str  # figure, word, citation, p_value, ci, identifier, measure_name

    @property
    def end(self) -> int:
        """The column just after the number."""
        return self.column + len(self.text)


def figure_value(text: str) -> float:
    """A figure's value as written: a decimal comma ('12,4'), thousands ('1,200'), a true minus."""
    if re.fullmatch(r"[^,]*\d,\d{1,2}", text):  # a decimal comma ('12,4')
        text = text.replace(",", ".")
    cleaned = text.replace(",", "").replace("\u2212", "-").replace("\u2013", "-")
    return float(cleaned)


def word_value(word: str) -> float | None:
    """The value of a number word ("fourteen" -> 14, "twenty-two" -> 22, "half" -> 0.5)."""
    w = word.lower()
    if w in WORDS:
        return float(WORDS[w])
    if "-" in w:
        tens, _, unit = w.partition("-")
        if tens in WORDS and unit in WORDS:
            return float(WORDS[tens] + WORDS[unit])
    return None


DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50}
DECADE = re.compile(
    r"(?<![\w-])(?:(?P<part>early|mid|late)[\s-]+)?(?P<d>twenties|thirties|forties|fifties|"
    r"[2-5]0\'?s)(?![\w])",
    re.I,
)
_POSSESSIVE = re.compile(r"\b(?:their|his|her)\s+\Z")
_PARTS = {None: (0.0, 9.9), "early": (0.0, 5.0), "mid": (3.0, 7.0), "late": (5.0, 9.9)}
"""The years of a decade a part of it spans: early twenties 20 to 25, late 25 to 29.9."""


def decade(text: str) -> tuple[float, float]:
    """The ages a decade ('twenties', 'early 20s', 'late thirties') spans, both ends included.

    The parts overlap, so a writer's 'early' for a mean of 24 or 25 is never called wrong.
    """
    m = DECADE.fullmatch(text)
    assert m is not None
    d = m.group("d").lower()
    base = DECADES.get(d) or int(d[0]) * 10
    first, last = _PARTS[m.group("part") and m.group("part").lower()]
    return base + first, base + last


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


def _masked(line: str) -> str:
    """The line with links, URLs, DOIs and HTML replaced by spaces (same length)."""
    return _MASK.sub(lambda m: " " * len(m.group(0)), line)


def identifiers(line: str) -> list[tuple[int, str]]:
    """DOIs, PMIDs and PMC ids written anywhere in a line, link targets included."""
    return [(m.start() + 1, m.group(0).rstrip(".")) for m in _DOI.finditer(line)]


def numbers(line: str, next_line: str = "") -> list[Number]:
    """Every number written in one line, left to right (see the module docstring).

    `next_line` is only looked into for a word that a line break cuts off from its number word
    ('half' at the end of a line, 'squat' at the start of the next).
    """
    return list(_numbers(line, next_line[:_RUN_ON] if _may_run_on(line) else ""))


_RUN_ON = 16
"""How much of the next line is looked into after a number word that ends a line."""
_MAY_MASK = re.compile(r"<|\]\(|https?:|doi:|10\.", re.I)
"""Whatever `_MASK` can blank starts with one of these."""


def _may_run_on(line: str) -> bool:
    """Whether the line may end in a number word, so that the next line may matter.

    A number word ends in a letter: a line whose text (links, URLs and HTML blanked) does not
    end in one is read the same whatever the next line holds, and is kept (in `_numbers`) once
    for every next line it is asked about with (the accounting asks with it, the reading without).
    """
    text = _masked(line) if _MAY_MASK.search(line) else line
    return text.rstrip()[-1:].isalpha()


def _worded(text: str, digits: bool) -> Iterator[Span]:
    """The figures of `figure_words`: glued schemes, word ranges, hundreds, a counted 'one'."""
    if digits:
        yield from glued_schemes(text)
    yield from word_ranges(text)
    yield from hundreds(text)
    yield from counted_ones(text)


@lru_cache(maxsize=256)
def _numbers(line: str, next_line: str) -> tuple[Number, ...]:
    """`numbers`, kept for the last texts: a line's and a sentence's are asked for more than once.

    `next_line` is the part of the next line `_numbers` may look into (see `numbers`).
    """
    text = _masked(line)
    found: list[Number] = []
    taken = [False] * len(text)
    digits = _ANY_DIGIT.search(text) is not None  # without one, the digit patterns are skipped

    def claim_span(start: int, end: int) -> bool:
        if any(taken[start:end]):
            return False
        for i in range(start, end):
            taken[i] = True
        return True

    for m in _ADDRESS.finditer(_COMMENT.sub(lambda c: " " * len(c.group(0)), line)):
        # an address is no figure, but its numbers are listed: a DOI as one identifier, any
        # other digits (a page id: "?p=3090") each as one
        address = m.group(0)
        for d in re.finditer(r"10\.\d{4,9}/\S+|\d+", address):
            at = m.start() + d.start()
            found.append(Number(at + 1, d.group(0), None, None, None, "identifier"))
    for m in _CJK_DATE.finditer(text) if digits else ():
        for part in ("y", "m", "d", "m2", "d2"):
            if m.group(part) is not None and claim_span(m.start(part), m.end(part)):
                found.append(Number(m.start(part) + 1, m.group(part), None, None, None, "date"))
    for m in _CIRCLED_NUMBER.finditer(text):
        if not claim_span(m.start(), m.end()):
            continue
        value = unicodedata.numeric(m.group(0))
        found.append(Number(m.start() + 1, m.group(0), value, value, value, "list"))
    in_text = _ADDRESS.sub(lambda a: " " * len(a.group(0)), _COMMENT.sub(_blank, line))
    for m in _BARE_DOI.finditer(in_text):
        # a DOI written out in the text ('doi: 10.1234/abc'): masked, but listed as one number
        found.append(Number(m.start() + 1, m.group(0).rstrip("."), None, None, None, "identifier"))
    for m in _RM_RANGE.finditer(text) if digits else ():
        if claim_span(m.start(), m.end("range")):  # "25-35 RM": a repetition range
            found.append(Number(m.start() + 1, m.group("range"), None, None, None, "scheme"))
    for m in _MEASURE_NAME.finditer(text):
        claim_span(m.start(), m.end())  # test names: not numbers
    for pattern, kind in ((_DATE, "date"), (_SCHEME, "scheme"), (_CI_LABEL, "name")):
        for m in pattern.finditer(text) if digits else ():
            if claim_span(m.start(), m.end()):
                found.append(Number(m.start() + 1, m.group(0), None, None, None, kind))
            labelled = _LABELLED_CI.match(text, m.end()) if kind == "name" else None
            if labelled is not None and claim_span(labelled.start("ci"), labelled.end("ci")):
                # 'CI95% (9, 18)': after its label, an interval of whole numbers is one number
                lo, hi = figure_value(labelled.group("lo")), figure_value(labelled.group("hi"))
                found.append(
                    Number(
                        labelled.start("ci") + 1, labelled.group("ci"), (lo + hi) / 2, lo, hi, "ci"
                    )
                )
    for m in _GROUP_N.finditer(text) if digits else ():
        if claim_span(m.start(), m.end()):
            value = float(re.findall(r"\d+", m.group(0))[0])
            found.append(Number(m.start() + 1, m.group(0), value, value, value, "n"))
    for m in _CITATION.finditer(text) if digits else ():
        if claim_span(m.start(), m.end()):
            found.append(Number(m.start() + 1, m.group(0), None, None, None, "citation"))
    for m in _P_VALUE.finditer(text) if digits else ():
        if claim_span(m.start(), m.end()):
            value = figure_value(re.findall(_DIGITS, m.group(0))[-1])
            found.append(Number(m.start() + 1, m.group(0), value, value, value, "p_value"))
    for m in DECADE.finditer(text):
        if m.group("d")[0].isdigit() and not _POSSESSIVE.search(
            text[max(0, m.start() - 8) : m.start()]
        ):
            continue  # '20s' after no 'their': seconds, not a decade of age
        if claim_span(m.start(), m.end()):
            lo, hi = decade(m.group(0))
            found.append(Number(m.start() + 1, m.group(0), (lo + hi) / 2, lo, hi, "figure"))
    for m in _CI.finditer(text) if digits else ():
        if claim_span(m.start(), m.end()):
            lo, hi = figure_value(m.group("lo")), figure_value(m.group("hi"))
            found.append(Number(m.start() + 1, m.group(0), (lo + hi) / 2, lo, hi, "ci"))
    for span in _worded(text, digits):
        if claim_span(span.start, span.end):
            found.append(
                Number(
                    span.start + 1,
                    text[span.start : span.end],
                    span.value,
                    span.lo,
                    span.hi,
                    span.kind,
                )
            )
    for m in _FIGURE.finditer(text) if digits else ():
        if not claim_span(m.start(), m.end()):
            continue
        sign = m.group("sign").strip()
        a = figure_value(m.group("a"))
        if sign == "\u2212":
            a = -a
        if m.group("b"):
            b = figure_value(m.group("b"))
            lo, hi, value = min(a, b), max(a, b), (a + b) / 2
        elif m.group("sd"):
            sd = figure_value(m.group("sd"))
            lo, hi, value = a - sd, a + sd, a
        else:
            lo = hi = value = a
        if sign in ("~", "≈"):
            lo, hi = lo * 0.9, hi * 1.1
        elif sign in ("<", "≤"):
            lo = float("-inf")
        elif sign in (">", "≥"):
            hi = float("inf")
        found.append(Number(m.start() + 1, m.group(0).rstrip(), value, lo, hi, "figure"))
    for pattern in (_ONCE, _ONE_COUNTED):
        for m in pattern.finditer(text):
            start = m.start("w") if "w" in pattern.groupindex else m.start()
            end = start + (3 if "w" in pattern.groupindex else 4)
            if claim_span(start, end):
                found.append(Number(start + 1, text[start:end], 1.0, 1.0, 1.0, "word"))
    for m in _NUMBER_WORD.finditer(text):
        word = m.group("w")
        if word.lower() == "once":
            continue  # 'once a week' is found above; 'once they had passed' is no number
        # bounded windows around the word, so that a long line is read in linear time
        if word.lower() == "one" and not (
            _ONE_COUNTS.match(text[m.end() : m.end() + 40])
            or re.search(r"\bday\s$", text[max(0, m.start() - 5) : m.start()], re.I)
        ):
            continue  # "one" is mostly a pronoun ("one group ..., the other")
        after = text[m.start("w") + len(word) : m.start("w") + len(word) + 40]
        if _LINE_END.match(text, m.start("w") + len(word)):
            after += "\n" + next_line[:_RUN_ON]
        if word.lower() == "half" and re.match(r"[\s-]+squat", after, re.I):
            continue  # the half squat names an exercise
        worded = word_value(word)
        if worded is None or not claim_span(m.start(), m.end()):
            continue
        found.append(Number(m.start() + 1, word, worded, worded, worded, "word"))
    return tuple(sorted(found, key=lambda n: n.column))

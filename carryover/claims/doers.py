"""A researcher named by surname alone as the one who ran the study.

Writers often name a study by its lead author with no "et al.", year or "a study by": "Schoenfeld
picked 18 men ...", "Kikuchi split them into two groups", "Then Hammond recruited fourteen
lifters". A capitalised word right before a verb of running a study is read as a surname; the
linker (carryover.claims.linking) takes it for a study only when it is a known first author (a
weak cue: a word that is no author, such as "Squats compared", names nothing), and the facts the
sentence states (its sample, weeks, sessions a week) tell apart studies of the same author. A
bare surname the sentence cannot tie to one study ("Schoenfeld split them into two groups", two
studies by Schoenfeld in the data) is no cue at all: the study being read goes on, and a study
recognised by its description is not hidden by an ambiguous name.

Pure: a compiled pattern.
"""

from __future__ import annotations

import re

RAN_STUDY = (
    r"(?:ran|conducted|performed|carried\s+out|picked|recruited|enlisted|split|divided|assigned|randomi[sz]ed|studied|compared|tested|"
    r"followed|trained|measured|examined|investigated|had\s+(?:\d+|\w+\s+(?:men|women|subjects|"
    r"participants|lifters)))"
)
"""Verbs a writer uses for what a researcher did in a study ("picked 18 men", "split them")."""

SURNAME_DID = re.compile(
    r"(?<![\w'\u2019.-])(?P<name>[A-Z][a-z]{3,}(?:-[A-Z][a-z]+)?)"
    rf"(?=\s+{RAN_STUDY}\b)"
)
"""'Schoenfeld picked 18 men', 'Hammond recruited ...': the surname, before its verb."""

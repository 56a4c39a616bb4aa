import re

from carryover.config import PROJECT_ROOT
from schemas.rules import RULES


def test_readme_documents_every_rule_as_the_catalogue_defines_it() -> None:
    """The README's rule table matches the catalogue: ids, severity and quarantine."""
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z_]+)` \| (error|warning) \| (yes|no) \| (.+) \|$", readme, re.M)
    documented = {rule_id: (sev, q == "yes", text) for rule_id, sev, q, text in rows}
    assert documented == {r.id: (r.severity, r.quarantines, r.summary) for r in RULES.values()}

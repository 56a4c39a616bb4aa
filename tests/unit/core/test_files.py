"""carryover/core/files.py: the atomic write."""

from pathlib import Path

from carryover.core.files import write_atomic


def test_an_atomic_write_replaces_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    """The new text replaces the old; no .tmp file is left behind."""
    path = tmp_path / "latest.md"
    path.write_text("old", encoding="utf-8")
    write_atomic(path, "new ✓")
    assert path.read_text(encoding="utf-8") == "new ✓"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.md"]

"""CPU time of reading articles alone, in one process: the corpus sets read `--repeat` times.

The bundled raw/ tables give the reading context; the articles of the given sets (default: the
dev set and the first held-out set) are read with `read_text`, the whole list `--repeat` times.
Prints the CPU seconds and articles per CPU second; `--profile FILE` writes cProfile stats:

    .venv/bin/python benchmarks/read_profile.py --repeat 5
    .venv/bin/python benchmarks/read_profile.py --repeat 5 --profile /tmp/read.prof
"""

from __future__ import annotations

import argparse
import cProfile
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from carryover import steps
from carryover.claims.articles import Article, Context, read_articles, read_text
from carryover.validate.validation import read_article_batch

ROOT = Path(__file__).resolve().parents[1]
SETS = ("real", "holdout")


class _Captured(Exception):
    """Stops validation once the articles' reading context is built."""

    def __init__(self, context: Context) -> None:
        super().__init__("captured")
        self.context = context


class _Capture:
    """A runner that runs table steps in turn and stops at the articles, keeping their context."""

    def map(self, step: Callable[..., Any], batches: Sequence[Any], **same: Any) -> list[Any]:
        if step is read_article_batch:
            raise _Captured(same["context"])
        return steps.IN_TURN.map(step, batches, **same)


def setup(sets: Sequence[str], work: Path) -> tuple[list[Article], Context]:
    """The articles of `sets` and the context they are read against (from the bundled tables)."""
    raw = work / "raw"
    shutil.copytree(ROOT / "raw", raw)
    folder = raw / "articles"
    shutil.rmtree(folder)
    folder.mkdir()
    for name in sets:
        for source in sorted((ROOT / "tests" / "data" / "articles" / name).glob("*.md")):
            (folder / f"{name}-{source.name}").write_bytes(source.read_bytes())
    articles = read_articles(raw)
    read = steps.read_plan(raw, steps.list_sources(raw, []), steps.IN_TURN)
    try:
        steps.validate_read(read, articles, _Capture(), {})  # type: ignore[arg-type]
    except _Captured as captured:
        return articles, captured.context
    raise RuntimeError("no articles were read")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sets", nargs="+", default=list(SETS))
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        articles, context = setup(args.sets, Path(tmp))
    profile = cProfile.Profile() if args.profile else None
    started = time.process_time()
    if profile is not None:
        profile.enable()
    for _ in range(args.repeat):
        for article in articles:
            read_text(article, context)
    if profile is not None:
        profile.disable()
        profile.dump_stats(str(args.profile))
    spent = time.process_time() - started
    count = len(articles) * args.repeat
    print(f"{count} articles read in {spent:.2f} CPU s: {count / spent:.1f} articles per CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

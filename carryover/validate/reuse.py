"""Incremental runs: reuse the validated result of raw files unchanged since the last run.

A table's validity depends on its own file and on the clean rows of the tables it references
(groups on studies and exercises, and so on), and on the rules themselves. So its reuse key is a
hash of: the code of the rules (extract, validate and schemas/), the current year (studies' year
range ends there), the file's sha256, and the reuse keys of its parents. A changed file changes
its own key and every key below it.

The results of the last completed run are kept in `<warehouse>.cache/`, one directory per table
and key, as Parquet. A run writes them beside the entries before it builds its warehouse (so that
it can let go of the clean rows' text, `stage`), and makes them entries only after the warehouse
is swapped in, when the entries of older runs are removed (`Staged.commit`): a reuse is always
from the last completed run. What a run that did not land wrote there is never read (its names
start with a dot), and the next run that lands removes it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import polars as pl

import carryover
from carryover.claims.articles import article_paths
from carryover.core.rawfs import read_regular
from carryover.ingest.extract import table_sources
from carryover.validate.validation import PARENTS, FileStats, TableResult
from schemas import OPTIONAL_TABLES, TABLES

_CODE = (
    "carryover/ingest/extract.py",
    "carryover/validate/validation.py",
    "carryover/core/rounding.py",
    "carryover/core/rawfs.py",
    "carryover/core/conflicts.py",
    "carryover/claims/articles.py",
    "carryover/claims/article_files.py",
    "carryover/claims/judge.py",
    "carryover/analytics/transforms.py",
)
_FRAMES = ("clean_text", "quarantine", "findings")


def cache_dir(warehouse: Path) -> Path:
    """Where the validated results of the last completed run are kept."""
    return warehouse.with_name(warehouse.name + ".cache")


@functools.cache
def rules_version() -> str:
    """A hash of the code that decides a table's validation result."""
    root = Path(carryover.__file__).resolve().parents[1]
    digest = hashlib.sha256(carryover.__version__.encode())
    files = [root / name for name in _CODE] + sorted((root / "schemas").glob("*.py"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def file_hash(path: Path) -> str | None:
    """sha256 of a raw file; 'absent' when there is none; None when it cannot be read."""
    if not path.exists() and not path.is_symlink():
        return "absent"
    try:
        return hashlib.sha256(read_regular(path)).hexdigest()
    except OSError:  # a pipe, a link loop, no permission: never reused, read (and reported) anew
        return None


def reuse_keys(
    hashes: Mapping[str, str | None], this_year: int | None = None
) -> dict[str, str | None]:
    """Each table's reuse key from the raw files' hashes (None: its result cannot be reused)."""
    year = this_year or dt.date.today().year
    keys: dict[str, str | None] = {}
    for spec in TABLES:
        own = hashes.get(spec.name)
        parents = [keys[p] for p in PARENTS[spec.name]]
        if own is None or any(p is None for p in parents):
            keys[spec.name] = None
            continue
        optional = "optional" if spec.name in OPTIONAL_TABLES else "required"
        parts = [rules_version(), str(year), spec.name, optional, own, *(p or "" for p in parents)]
        keys[spec.name] = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return keys


def _files_hash(raw_dir: Path, names: Sequence[str]) -> str | None:
    """One hash over several raw files, their names included (None: one cannot be read)."""
    parts: list[str | None] = []
    for name in names:
        parts += [name, file_hash(raw_dir / name)]
    if any(part is None for part in parts):
        return None
    joined = "\x1f".join(p or "" for p in parts)
    return hashlib.sha256(joined.encode("utf-8", "surrogateescape")).hexdigest()


def raw_keys(raw_dir: Path, this_year: int | None = None) -> dict[str, str | None]:
    """The reuse keys of the raw directory's files (and articles) as they are now.

    A table's hash covers every file of it (extract.table_sources); claims' covers the articles too.
    """
    names = {s.name: table_sources(raw_dir, s) for s in TABLES}
    names["claims"] += [str(path.relative_to(raw_dir)) for path in article_paths(raw_dir)]
    hashes = {table: _files_hash(raw_dir, files) for table, files in names.items()}
    return reuse_keys(hashes, this_year)


@dataclass(frozen=True)
class Reuse:
    """The reuse keys of this run's raw files, and the earlier results that match them."""

    keys: dict[str, str | None]
    results: dict[str, TableResult]


def _entry(warehouse: Path, table: str, key: str) -> Path:
    return cache_dir(warehouse) / f"{table}-{key[:32]}"


def lookup(warehouse: Path, keys: Mapping[str, str | None]) -> dict[str, TableResult]:
    """The cached results whose key matches; a missing or unreadable entry is simply not reused."""
    found: dict[str, TableResult] = {}
    for table, key in keys.items():
        if key is None:
            continue
        entry = _entry(warehouse, table, key)
        try:
            meta = json.loads((entry / "meta.json").read_text(encoding="utf-8"))
            if meta["key"] != key:
                continue
            frames = {name: pl.read_parquet(entry / f"{name}.parquet") for name in _FRAMES}
            files = [FileStats(**stats) for stats in meta["files"]]
            found[table] = TableResult(**frames, files=files)
        except (OSError, ValueError, KeyError, TypeError, pl.exceptions.PolarsError):
            continue
    return found


@dataclass(frozen=True)
class Staged:
    """A run's results written beside the cache's entries, to become its entries with `commit`.

    Writing them before the warehouse is built lets the run let go of the clean rows' text (see
    `stage`); they are still only entries once the run has landed, so a reuse is always from the
    last completed run.
    """

    root: Path
    moves: tuple[tuple[Path, Path], ...]
    """Each staged directory and the entry it becomes."""
    keep: frozenset[str]
    """The names of every entry of this run (those already cached included)."""

    def commit(self) -> None:
        """Make the staged results the cache's entries, and drop every other entry."""
        for tmp, entry in self.moves:
            shutil.rmtree(entry, ignore_errors=True)
            tmp.rename(entry)
        for old in self.root.iterdir():
            if old.name not in self.keep:
                shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Remove what was staged (the run did not land)."""
        for tmp, _ in self.moves:
            shutil.rmtree(tmp, ignore_errors=True)


def stage(
    warehouse: Path, keys: Mapping[str, str | None], results: Mapping[str, TableResult]
) -> Staged:
    """Write this run's results for the next run beside the cache, not yet as its entries.

    A table whose entry is already cached (unchanged since the run that wrote it) is kept as it
    is. Raises OSError when they cannot be written.
    """
    root = cache_dir(warehouse)
    root.mkdir(parents=True, exist_ok=True)
    keep, moves = set(), []
    for table, result in results.items():
        key = keys.get(table)
        if key is None:
            continue
        entry = _entry(warehouse, table, key)
        keep.add(entry.name)
        if (entry / "meta.json").exists():
            continue
        tmp = root / f".{entry.name}.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        for name in _FRAMES:
            getattr(result, name).write_parquet(tmp / f"{name}.parquet")
        meta = {"key": key, "files": [asdict(stats) for stats in result.files]}
        (tmp / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        moves.append((tmp, entry))
    return Staged(root, tuple(moves), frozenset(keep))


def store(
    warehouse: Path, keys: Mapping[str, str | None], results: Mapping[str, TableResult]
) -> None:
    """Keep this run's results for the next run, and drop every other entry."""
    stage(warehouse, keys, results).commit()

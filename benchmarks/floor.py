"""The floor: polars reads every raw CSV as text and DuckDB stores it; no checks at all.

This is the least any pipeline over these files has to do (read the bytes, split the cells, write
a table), so every subject's time is reported as a ratio to it.

    python benchmarks/floor.py RAW_DIR WAREHOUSE.duckdb
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import polars as pl


def _read(path: Path, quote_char: str | None) -> pl.DataFrame:
    return pl.read_csv(
        path,
        infer_schema=False,  # every column as text, as carryover reads them
        encoding="utf8-lossy",
        truncate_ragged_lines=True,
        quote_char=quote_char,
    )


def _read_any(path: Path) -> pl.DataFrame:
    try:
        return _read(path, quote_char='"')
    except pl.exceptions.ComputeError:
        # polars refuses the file's quoting (a stray quote): split it at every comma.
        return _read(path, quote_char=None)


def store(raw_dir: Path, warehouse: Path) -> int:
    """Read every table's CSV files as text cells and store each table; return rows.

    A table is `<table>.csv` and/or the files of a `<table>/` folder, as carryover reads them.
    """
    warehouse.unlink(missing_ok=True)
    con = duckdb.connect(str(warehouse))
    rows = 0
    tables: dict[str, list[Path]] = {}
    for path in sorted(raw_dir.glob("*.csv")) + sorted(raw_dir.glob("*/*.csv")):
        table = path.stem if path.parent == raw_dir else path.parent.name
        tables.setdefault(table, []).append(path)
    try:
        for table, paths in tables.items():
            try:  # polars reads a table's files together (in parallel) when it can
                frame = pl.scan_csv(
                    paths, infer_schema=False, encoding="utf8-lossy", truncate_ragged_lines=True
                ).collect()
            except pl.exceptions.PolarsError:
                frame = pl.concat([_read_any(path) for path in paths], how="diagonal")
            rows += frame.height
            con.register("incoming", frame)
            con.execute(f'create or replace table "{table}" as select * from incoming')
            con.unregister("incoming")
    finally:
        con.close()
    return rows


def main() -> None:
    raw_dir, warehouse = Path(sys.argv[1]), Path(sys.argv[2])
    print(f"floor: {store(raw_dir, warehouse)} rows stored")


if __name__ == "__main__":
    main()

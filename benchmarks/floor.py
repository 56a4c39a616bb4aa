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


def store(raw_dir: Path, warehouse: Path) -> int:
    """Read every `*.csv` under raw_dir as text cells and store each as a table; return rows."""
    warehouse.unlink(missing_ok=True)
    con = duckdb.connect(str(warehouse))
    rows = 0
    try:
        for path in sorted(raw_dir.glob("*.csv")):
            try:
                frame = _read(path, quote_char='"')
            except pl.exceptions.ComputeError:
                # polars refuses the file's quoting (a stray quote): split it at every comma.
                frame = _read(path, quote_char=None)
            rows += frame.height
            con.register("incoming", frame)
            con.execute(f'create or replace table "{path.stem}" as select * from incoming')
            con.unregister("incoming")
    finally:
        con.close()
    return rows


def main() -> None:
    raw_dir, warehouse = Path(sys.argv[1]), Path(sys.argv[2])
    print(f"floor: {store(raw_dir, warehouse)} rows stored")


if __name__ == "__main__":
    main()

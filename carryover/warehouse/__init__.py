"""The DuckDB warehouse: schema, build and swap, read-only access, run state, SQL shell."""

"""Validation: per file, across files, across tables, and reuse of unchanged results."""

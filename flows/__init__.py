"""Prefect flows of carryover."""

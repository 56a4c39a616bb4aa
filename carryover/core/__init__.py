"""Leaf helpers every other package may use: paths, rounding, errors, files, text."""

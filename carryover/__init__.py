"""carryover: check and warehouse strength-training study results."""

__version__ = "0.1.0"

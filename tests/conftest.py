"""Settings shared by the whole suite.

Hypothesis measures no time here: its per-example deadline is off for every property test, because
tests never assert absolute times (the benchmarks in benchmarks/ measure speed, as ratios against a
floor measured in the same run). Each property test still sets how many examples it tries.
"""

from hypothesis import settings

settings.register_profile("carryover", deadline=None)
settings.load_profile("carryover")

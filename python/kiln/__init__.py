"""The pure-Python side of kiln.

Every construct kiln adds to Python has a spelling that CPython can also run, so that a kiln
program can be checked against CPython. This package provides those spellings for CPython
(for example ``par`` and ``gpu`` in later milestones). The first milestone adds no new
constructs, so it is empty for now.
"""

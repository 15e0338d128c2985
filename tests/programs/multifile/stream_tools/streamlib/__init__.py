# The streamlib package: shared counters updated by its submodules.
VERSION = "0.3"
CREATED = [0]
PULLED = [0]


def stats():
    return f"created={CREATED[0]} pulled={PULLED[0]}"

# A logger shared by every module: its top level runs only once.
LOADS = 0
LOADS += 1
print("logger: top level runs, __name__ =", __name__)

ENTRIES = []
LEVEL = 1


def set_level(n):
    global LEVEL
    LEVEL = n


def _add(level, source, message):
    if level >= LEVEL:
        ENTRIES.append((level, source, message))


def log(source, message):
    _add(1, source, message)


def warn(source, message):
    _add(2, source, message)


def dump():
    return [f"[{'INFO' if lv == 1 else 'WARN'}] {src}: {msg}" for lv, src, msg in ENTRIES]


def entries_for(source):
    return len([e for e in ENTRIES if e[1] == source])


def counts():
    c = {}
    for lv, _, _ in ENTRIES:
        c[lv] = c.get(lv, 0) + 1
    return c


if __name__ == "__main__":
    print("logger self-test: not run when imported")

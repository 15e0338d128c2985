# A pipeline of generators, each consuming the previous one: read -> parse -> filter -> batch.

LOG = """2024-01-01 INFO start service
2024-01-01 WARN disk 81%
2024-01-02 ERROR disk full
garbage line
2024-01-02 INFO retry
2024-01-03 ERROR network down
2024-01-03 WARN latency 300ms
2024-01-04 INFO recovered
2024-01-04 ERROR disk full"""


def read_lines(text):
    for line in text.split("\n"):
        yield line.strip()


def parse(lines):
    for line in lines:
        parts = line.split(" ", 2)
        if len(parts) < 3:
            continue
        yield (parts[0], parts[1], parts[2])


def only(level, records):
    for rec in records:
        if rec[1] == level:
            yield rec


def messages(records):
    for date, level, msg in records:
        yield f"{date[5:]} {msg}"


def batch(items, size):
    current = []
    for it in items:
        current.append(it)
        if len(current) == size:
            yield current
            current = []
    if current:
        yield current


for rec in parse(read_lines(LOG)):
    print(rec)
print(list(messages(only("ERROR", parse(read_lines(LOG))))))
for b in batch(messages(parse(read_lines(LOG))), 3):
    print(len(b), b)
counts = {}
for _, level, _ in parse(read_lines(LOG)):
    counts[level] = counts.get(level, 0) + 1
print(counts)
print(sum(1 for _ in only("WARN", parse(read_lines(LOG)))))


def numbered(items):
    n = 1
    for it in items:
        yield f"{n:>2}. {it}"
        n += 1


for line in numbered(only("INFO", parse(read_lines(LOG)))):
    print(line)

# Log analysis: parse timestamps and levels, count per hour and level, top messages.
LOG = """2024-03-01 09:15:02 INFO server started
2024-03-01 09:15:07 WARN disk 81% full
2024-03-01 09:47:55 ERROR db timeout after 30s
2024-03-01 10:02:13 INFO request /home 200
2024-03-01 10:02:14 INFO request /about 200
2024-03-01 10:05:40 ERROR db timeout after 30s
2024-03-01 11:00:00 INFO request /home 304
2024-03-01 11:30:12 WARN disk 85% full"""

def parse_line(line):
    date, time, level, *words = line.split()
    hour = int(time.split(":")[0])
    return hour, level, " ".join(words)

entries = [parse_line(l) for l in LOG.splitlines()]
per_hour = {}
for e in entries:
    key = (e[0], e[1])
    per_hour[key] = per_hour.get(key, 0) + 1
for (hour, level), n in sorted(per_hour.items()):
    print(f"{hour:02d}:00 {level:<5} {'*' * n}")
errors = [e[2] for e in entries if e[1] == "ERROR"]
print(len(errors), "errors;", len(set(errors)), "distinct")
counts = {}
for e in entries:
    counts[e[2]] = counts.get(e[2], 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
for msg, n in top:
    print(f"{n}x {msg!r}")
paths = [e[2].split()[1] for e in entries if e[2].startswith("request")]
print(sorted(set(paths)), paths.count("/home"))
pct = [int(w.rstrip("%")) for e in entries for w in e[2].split() if w.endswith("%")]
print(max(pct), min(pct), sum(pct) / len(pct))

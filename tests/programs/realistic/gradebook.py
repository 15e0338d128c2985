# Grade book: dict of name -> list of scores, averages, letter grades, ranking with ties, per-letter sets
scores = {
    "alice": [88, 92, 79, 95],
    "bob": [72, 65, 80, 70],
    "carol": [95, 98, 100, 91],
    "dave": [60, 58, 75, 62],
    "eve": [88, 90, 85, 92],
}
def letter(avg):
    if avg >= 90:
        return "A"
    elif avg >= 80:
        return "B"
    elif avg >= 70:
        return "C"
    elif avg >= 60:
        return "D"
    return "F"
averages = {name: sum(s) / len(s) for name, s in scores.items()}
by_letter = {}
for name in sorted(averages):
    avg = averages[name]
    g = letter(avg)
    if g in by_letter:
        by_letter[g].add(name)
    else:
        by_letter[g] = {name}
    best = max(scores[name])
    worst = min(scores[name])
    print(f"{name.capitalize():<8} {avg:6.2f} {g}  best={best:3d} worst={worst:3d} spread={best - worst}")
ranking = sorted(averages.items(), key=lambda kv: kv[1], reverse=True)
rank = 0
prev = -1.0
for i, (name, avg) in enumerate(ranking):
    if avg != prev:
        rank = i + 1
        prev = avg
    print("%d. %s (%.1f)" % (rank, name.title(), avg))
for g in "ABCDF":
    members = by_letter.get(g, {"?"})
    print(g, len(members), sorted(members))
class_avg = sum(averages.values()) / len(averages)
print("class average: {:.3f}".format(class_avg))
above = [n for n in averages if averages[n] > class_avg]
print("above average:", ", ".join(sorted(above)))
names = sorted(scores)
tests = [[scores[n][t] for n in names] for t in range(4)]
for t, col in enumerate(tests, start=1):
    print(f"test {t}: mean {sum(col) / len(col):.1f} max {max(col)}")
curved = {n: [min(100, s + 5) for s in v] for n, v in scores.items()}
print(curved["dave"], curved["carol"])

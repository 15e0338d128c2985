# Grade book: students, weighted averages, letter grades, ranking, histogram.
import math

WEIGHTS = {"hw": 0.3, "midterm": 0.3, "final": 0.4}
RAW = [
    ("alice", {"hw": [90, 85, 100], "midterm": [88], "final": [92]}),
    ("bob", {"hw": [70, 60, 75], "midterm": [65], "final": [58]}),
    ("carol", {"hw": [100, 100, 95], "midterm": [97], "final": [99]}),
    ("dan", {"hw": [], "midterm": [80], "final": [85]}),
]

def mean(xs):
    return sum(xs) / len(xs) if xs else 0.0

def letter(score):
    for cutoff, grade in ((90, "A"), (80, "B"), (70, "C"), (60, "D")):
        if score >= cutoff:
            return grade
    return "F"

def stdev(xs):
    m = mean(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1))

results = []
for name, parts in RAW:
    total = sum(WEIGHTS[k] * mean(v) for k, v in parts.items())
    results.append((name, round(total, 2), letter(total)))

results.sort(key=lambda r: (-r[1], r[0]))
for rank, (name, score, grade) in enumerate(results, start=1):
    print(f"{rank}. {name:<6} {score:6.2f} {grade}")

scores = [s for _, s, _ in results]
print(f"mean={mean(scores):.3f} sd={stdev(scores):.3f} median={sorted(scores)[len(scores) // 2]}")
hist = {}
for _, _, g in results:
    hist[g] = hist.get(g, 0) + 1
for g in "ABCDF":
    print(g, "#" * hist.get(g, 0))
best = max(results, key=lambda r: r[1])
print("top:", best[0].title(), "with", best[1])
print([n.upper()[:3] for n, *_ in results])

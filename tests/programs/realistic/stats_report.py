import sys


def parse(line):
    name, _, rest = line.partition(":")
    fields = [f.strip() for f in rest.split(",") if f.strip()]
    return name.strip(), [int(f) for f in fields]


data = """alpha: 1, 2, 3
beta: 10, -4
gamma:
delta: 7, 7, 7, 7"""
stats = {}
for line in data.splitlines():
    name, nums = parse(line)
    if not nums:
        print(f"{name}: no data", file=sys.stderr)
        continue
    mean = sum(nums) / len(nums)
    var = sum((n - mean) ** 2 for n in nums) / len(nums)
    stats[name] = (min(nums), max(nums), round(mean, 2), round(var ** 0.5, 3))
width = max(len(k) for k in stats)
for name, (lo, hi, mean, sd) in sorted(stats.items(), key=lambda kv: kv[1][2], reverse=True):
    print(f"{name:<{width}} | {lo:>4} {hi:>4} | {mean:8.2f} ± {sd}")
print(dict(sorted(stats.items())))
print(any(v[0] < 0 for v in stats.values()), all(v[1] > 2 for v in stats.values()))
matrix = [[i * j for j in range(1, 4)] for i in range(1, 4)]
transposed = list(map(list, zip(*matrix)))
print(transposed)
flat = [x for row in matrix for x in row if x % 2]
print(flat, sum(flat), sorted(set(flat), reverse=True))

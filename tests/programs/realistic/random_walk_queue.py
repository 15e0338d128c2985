# Random-walk and queue simulation: random.seed determinism, randint/random/choice/shuffle/sample, dict counters, set of visited (x, y) tuples
import random
random.seed(2024)
x, y = 0, 0
visited = {(0, 0)}
moves = {"N": (0, 1), "S": (0, -1), "E": (1, 0), "W": (-1, 0)}
path = []
for step in range(200):
    d = random.choice("NSEW")
    dx, dy = moves[d]
    x, y = x + dx, y + dy
    visited.add((x, y))
    path.append(d)
print("end", (x, y), "distinct", len(visited), "manhattan", abs(x) + abs(y))
counts = {d: path.count(d) for d in "NSEW"}
print(counts)
xs = [p[0] for p in visited]
ys = [p[1] for p in visited]
print("bbox", min(xs), max(xs), min(ys), max(ys))
runs = []
cur = 1
for i in range(1, len(path)):
    if path[i] == path[i - 1]:
        cur += 1
    else:
        runs.append(cur)
        cur = 1
runs.append(cur)
print("longest run", max(runs), "runs", len(runs))
queue = []
served = 0
waits = []
clock = 0
for tick in range(100):
    if random.random() < 0.45:
        queue.append(tick)
    if queue and tick % 2 == 0:
        arrived = queue.pop(0)
        waits.append(tick - arrived)
        served += 1
print("served", served, "left", len(queue), "avg wait %.3f" % (sum(waits) / len(waits)))
hist = {}
for w in waits:
    b = w // 5 * 5
    hist[b] = hist.get(b, 0) + 1
for b in sorted(hist):
    print(f"{b:3d}-{b + 4:<3d} {'#' * hist[b]}")
deck = [r + s for s in "SHDC" for r in "A23456789TJQK"]
random.shuffle(deck)
hand = random.sample(deck, 5)
print(deck[:6], sorted(hand))
dice = [random.randint(1, 6) + random.randint(1, 6) for _ in range(1000)]
freq = {s: dice.count(s) for s in range(2, 13)}
print(freq, sorted(freq.items(), key=lambda kv: -kv[1])[0])
print(round(random.uniform(-1, 1), 6), random.randrange(0, 100, 7))

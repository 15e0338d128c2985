# kiln: build
# Elementary cellular automata (rules 30, 90, 110, 184) printed as text, with density statistics
WIDTH = 63

def rule_table(rule):
    table = []
    for i in range(8):
        table.append((rule >> i) & 1)
    return table

def step(cells, table, wrap=True):
    n = len(cells)
    out = [0] * n
    for i in range(n):
        if wrap:
            left = cells[(i - 1) % n]
            right = cells[(i + 1) % n]
        else:
            left = cells[i - 1] if i > 0 else 0
            right = cells[i + 1] if i < n - 1 else 0
        out[i] = table[(left << 2) | (cells[i] << 1) | right]
    return out

def render(cells, on="#", off=" "):
    s = ""
    for c in cells:
        s += on if c else off
    return s

def density(cells):
    alive = 0
    for c in cells:
        alive += c
    return alive / len(cells)

def run(rule, gens, wrap=True, show=True):
    table = rule_table(rule)
    cells = [0] * WIDTH
    cells[WIDTH // 2] = 1
    if rule == 184:
        for i in range(0, WIDTH, 3):
            cells[i] = 1
    dens = []
    for g in range(gens):
        if show:
            print(f"{g:>2} |{render(cells)}|")
        dens.append(density(cells))
        cells = step(cells, table, wrap)
    return dens

for rule in [30, 90]:
    print(f"rule {rule} = {rule:08b}")
    d = run(rule, 16)
    total = 0.0
    for x in d:
        total += x
    print(f"mean density {total / len(d):.4f}, last {d[-1]:.4f}")
print("rule 110, no wrap:")
d = run(110, 20, wrap=False)
print("rule 184 (traffic):")
d = run(184, 8, show=True)
print("densities without output:")
for rule in [18, 30, 45, 73, 105, 150]:
    d = run(rule, 200, show=False)
    print(f"  rule {rule:>3} ({rule:#010b}): final density {d[-1]:.3f}, max {max(d):.3f}")
print(render(rule_table(30), on="1", off="0"), render(rule_table(256)))

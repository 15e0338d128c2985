# Rendering and combat rules, importing from a sibling top-level module.
from config import WIDTH, HEIGHT

print("loading module", __name__)


def render(entities):
    grid = [["." for _ in range(WIDTH)] for _ in range(HEIGHT)]
    for e in entities:
        if e.hp > 0:
            grid[e.y][e.x] = e.symbol()
    return ["".join(row) for row in grid]


def distance(a, b):
    dx = min(abs(a.x - b.x), WIDTH - abs(a.x - b.x))
    dy = min(abs(a.y - b.y), HEIGHT - abs(a.y - b.y))
    return dx + dy

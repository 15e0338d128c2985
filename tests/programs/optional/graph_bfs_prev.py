# Grid shortest paths with BFS; each visited cell records `prev` (None or a Cell) to rebuild the path.


class Cell:
    def __init__(self, r, c, wall):
        self.r = r
        self.c = c
        self.wall = wall
        self.prev = None
        self.seen = False


class Maze:
    def __init__(self, rows):
        self.h = len(rows)
        self.w = len(rows[0])
        self.grid = []
        for r in range(self.h):
            line = []
            for c in range(self.w):
                line.append(Cell(r, c, rows[r][c] == "#"))
            self.grid.append(line)

    def reset(self):
        for line in self.grid:
            for cell in line:
                cell.prev = None
                cell.seen = False

    def at(self, r, c):
        if 0 <= r < self.h and 0 <= c < self.w and not self.grid[r][c].wall:
            return self.grid[r][c]
        return None

    def bfs(self, sr, sc, tr, tc):
        self.reset()
        start = self.at(sr, sc)
        if start is None:
            return None
        start.seen = True
        frontier = [start]
        while frontier:
            nxt = []
            for cell in frontier:
                if cell.r == tr and cell.c == tc:
                    return cell
                for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                    n = self.at(cell.r + dr, cell.c + dc)
                    if n is not None and not n.seen:
                        n.seen = True
                        n.prev = cell
                        nxt.append(n)
            frontier = nxt
        return None

    def path(self, end):
        cells = []
        cur = end
        while cur is not None:
            cells.append((cur.r, cur.c))
            cur = cur.prev
        cells.reverse()
        return cells

    def draw(self, cells):
        marks = set(cells)
        for r in range(self.h):
            row = ""
            for c in range(self.w):
                if self.grid[r][c].wall:
                    row += "#"
                elif (r, c) in marks:
                    row += "*"
                else:
                    row += "."
            print(row)


m = Maze([
    "..........",
    ".########.",
    ".#......#.",
    ".#.####.#.",
    "...#......",
    "####..####",
    "..........",
])
for (sr, sc, tr, tc) in [(0, 0, 6, 9), (2, 2, 4, 4), (0, 0, 0, 0), (4, 4, 6, 0), (0, 0, 1, 1), (1, 1, 0, 0), (6, 9, 0, 9)]:
    end = m.bfs(sr, sc, tr, tc)
    if end is None:
        print(f"({sr},{sc}) -> ({tr},{tc}): unreachable")
        continue
    p = m.path(end)
    print(f"({sr},{sc}) -> ({tr},{tc}): {len(p) - 1} steps")
    if len(p) > 1:
        m.draw(p)

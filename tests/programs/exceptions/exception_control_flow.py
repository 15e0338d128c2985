# Using exceptions for control flow: escaping nested loops and deep recursion with a custom signal.


class Found(Exception):
    def __init__(self, row, col):
        super().__init__(f"found at {row},{col}")
        self.row = row
        self.col = col


def search(grid, target):
    try:
        for r in range(len(grid)):
            for c in range(len(grid[r])):
                if grid[r][c] == target:
                    raise Found(r, c)
    except Found as f:
        return (f.row, f.col)
    return (-1, -1)


grid = [[(r * 7 + c * 3) % 11 for c in range(6)] for r in range(5)]
for row in grid:
    print(row)
for t in [0, 5, 10, 99]:
    print(t, search(grid, t))


class Solved(Exception):
    def __init__(self, path):
        super().__init__("solved")
        self.path = path


def subset_sum(nums, target, i, path):
    if target == 0:
        raise Solved(list(path))
    if i == len(nums) or target < 0:
        return
    path.append(nums[i])
    subset_sum(nums, target - nums[i], i + 1, path)
    path.pop()
    subset_sum(nums, target, i + 1, path)


nums = [8, 6, 7, 5, 3, 10, 9]
for target in [15, 4, 1, 35, 48]:
    path: list[int] = []
    try:
        subset_sum(nums, target, 0, path)
        print(target, "no subset")
    except Solved as s:
        print(target, "subset", s.path, sum(s.path))

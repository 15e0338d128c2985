# Generator expressions passed to sum/any/all/max/min/sorted/join and the tuple/list/set/dict builders.

nums = [3, -1, 4, 1, -5, 9, 2, -6, 5, 3]
words = ["delta", "alpha", "charlie", "bravo", "echo"]

print(sum(x for x in nums), sum(x * x for x in nums), sum(x for x in nums if x > 0))
print(any(x > 8 for x in nums), any(x > 9 for x in nums), all(x != 0 for x in nums), all(x > -6 for x in nums))
print(any(x > 0 for x in []), all(x > 0 for x in []))
print(max(abs(x) for x in nums), min(x % 4 for x in nums))
print(max(len(w) for w in words), min((w for w in words), key=len))
print(sorted((w[::-1] for w in words), reverse=True))
print(", ".join(w.upper() for w in words if "a" in w))
print(list(x // 2 for x in nums))
print(sorted(set(x % 3 for x in nums)))
print(dict((w, len(w)) for w in words))
print(sum(1 for w in words if len(w) == 5), sum(len(w) for w in words) / len(words))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(sum(sum(row) for row in matrix), max(max(row) for row in matrix))
print(sum(matrix[i][i] for i in range(3)), list(sum(row[j] for row in matrix) for j in range(3)))
print(all(len(row) == 3 for row in matrix), any(7 in row for row in matrix))
print(sum(x * y for x, y in zip(nums, reversed(nums))))
print(max((len(w), w) for w in words), min((x, i) for i, x in enumerate(nums)))
total = 0.0
for v in (x / 4 for x in nums):
    total += v
print(total)

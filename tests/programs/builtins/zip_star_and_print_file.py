import sys
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)))
print([list(col) for col in zip(*matrix)])
print(list(map(list, zip(*matrix))))
for a, b in zip(*matrix):
    print(a + b, end=" ")
print()
ragged = [[1, 2, 3], [4], [5, 6]]
print(list(zip(*ragged)))
empty: list[list[int]] = []
print(list(zip(*empty)))
words = ["abc", "de", "fgh"]
print(list(zip(*words)))
cols = list(zip(*matrix))
print(len(cols), cols[0], cols[-1][1:], sum(cols[1]))
print("to stderr", 1, 2.5, sep="|", file=sys.stderr)
print(*matrix, sep=" / ", file=sys.stdout)
with_end = "line"
print(with_end, end="", file=sys.stderr)
print(file=sys.stderr)
from sys import stderr
print("imported stderr", *matrix[0], file=stderr)
print("done")
import time
path = "/tmp/kiln_print_file_" + str(int(time.perf_counter() * 1e9) % 1000000007) + ".txt"
with open(path, "w") as f:
    print("header", 1, sep=",", file=f)
    for row in matrix:
        print(*row, sep="\t", file=f)
    print(*empty, file=f, end="<end>\n")
with open(path) as f:
    print(repr(f.read()))

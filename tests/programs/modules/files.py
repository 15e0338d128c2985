# text files: open/write/read/readline/readlines/close, with-blocks, for line in f, word counts from a file; FileNotFoundError
import sys
import time
path = "/tmp/kiln_files_" + str(int(time.perf_counter() * 1e9) % 1000000007) + ".txt"
with open(path, "w") as f:
    for i in range(5):
        f.write("line %d: %s\n" % (i, "x" * i))
    n = f.write("last line without newline")
print(n)
f = open(path)
first = f.readline()
rest = f.read()
f.close()
print(repr(first), len(rest))
total = 0
with open(path) as f:
    for line in f:
        total += len(line.strip())
        print(line.rstrip("\n").upper())
print(total)
lines = open(path).readlines()
print(len(lines), lines[-1])
words = {}
with open(path) as f:
    for line in f:
        for w in line.split():
            words[w] = words.get(w, 0) + 1
print(sorted(words.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
open("/nonexistent/dir/x.txt")

# strings built in the body (f-strings, str(), concatenation) and stored into a shared list of str, then printed in order
from kiln import par


def roman(n):
    vals = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1]
    syms = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"]
    out = ""
    for k in range(len(vals)):
        while n >= vals[k]:
            out += syms[k]
            n -= vals[k]
    return out


n = 60
lines = [""] * n
@par(schedule="dynamic", chunk_size=3)
for i in range(n):
    lines[i] = f"{i:>3} {roman(i + 1):<10} {i * i:#x} {i / 8:.3f} " + str(i % 7 == 0)
for line in lines:
    print(line)

chars = 0
lens = [0] * n
for i in par(range(n), schedule="guided"):
    lens[i] = len(lines[i])
    chars += len(roman(i + 1))
print(chars, lens[0], lens[n - 1])

words = ["kiln", "par", "loop", "thread", "reduce", "static", "dynamic"]
shout = [""] * len(words)
for i in par(range(len(words)), num_threads=3):
    s = ""
    for k in range(3):
        s += words[i]
    shout[i] = repr(s) + "/" + str(len(s))
print(shout)

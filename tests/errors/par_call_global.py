# A function called from a parallel loop assigns a global variable.
# expect: bump
# expect: calls
calls = 0


def bump(v):
    global calls
    calls = calls + 1
    return v + 1


out = [0] * 8
@par
for i in range(8):
    out[i] = bump(i)
print(out, calls)

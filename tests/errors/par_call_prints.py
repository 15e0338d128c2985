# A function called from a parallel loop prints.
# expect: log_value
# expect: print
def log_value(v):
    print("value", v)
    return v * 2


out = [0] * 8
@par
for i in range(8):
    out[i] = log_value(i)
print(out)

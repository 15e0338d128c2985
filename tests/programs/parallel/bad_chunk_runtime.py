# a chunk size computed at run time that is not positive raises ValueError (as kiln.par does under CPython)
from kiln import par

out = [0] * 4
c = len(out) - 4
print("before")
for i in par(range(4), chunk_size=c):
    out[i] = i
print(out)

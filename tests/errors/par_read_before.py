# A private variable read before it is assigned in the same iteration (it would carry over from the previous one).
# expect: prev
# expect: before
# at: 10
n = 10
out = [0] * n
@par
for i in range(n):
    if i > 0:
        out[i] = prev + 1
    prev = i * 2
print(out)

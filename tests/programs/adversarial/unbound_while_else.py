# a name assigned only in a while body read in the loop's else when the loop ran zero times: UnboundLocalError
n = 3
while n > 0:
    n -= 1
    if n == 1:
        continue
    z = n
print(z)
def f(k):
    while k:
        k -= 1
        w = k
    else:
        return w
print(f(2))
print(f(0))

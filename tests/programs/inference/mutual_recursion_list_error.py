# Mutual recursion over a float list, IndexError at the bottom
def ping(xs, n):
    if n == 0:
        return xs[len(xs)]
    xs.append(n * 1.5)
    return pong(xs, n - 1)

def pong(xs, n):
    print("pong", n, xs[-1])
    return ping(xs, n)

print(ping([0.5], 4))

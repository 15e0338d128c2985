# The accumulator rewrite of `return x + f(...)`: fib's loop provably ends (n falls by a
# literal each round and `n < 2` returns first), so it has no iteration cap; `count_up` may not
# end, so its loop counts and raises RecursionError past the cap.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def count_up(n, stop):
    if n == stop:
        return 0
    return 1 + count_up(n + 1, stop)


print(fib(20), count_up(3, 10))

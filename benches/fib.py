# Benchmark: recursive Fibonacci, fib(38) -- about 126 million calls.
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(38))

# Iterative Fibonacci with tuple assignment up to fib(92), the largest that fits in 64 bits.
a, b = 0, 1
for i in range(93):
    if i % 4 == 0 or i > 85:
        print("fib", i, a)
    a, b = b, a + b if i < 91 else b
x, y = 1.0, 1.0
for i in range(100):
    x, y = y, x + y
print("float fib(101)", x, "ratio", y / x)
p, q, r = 1, 2, 3
p, q, r = r, p, q
print(p, q, r)

# time.time and time.perf_counter exist and move forward; their values are never printed.
import time

t0 = time.time()
p0 = time.perf_counter()
acc = 0
for i in range(100000):
    acc += i % 7
p1 = time.perf_counter()
t1 = time.time()
print("acc", acc)
print("perf_counter monotonic:", p1 >= p0)
print("time is after 2020:", t0 > 1577836800.0)
print("elapsed non-negative:", t1 - t0 >= -1.0, p1 - p0 >= 0.0)

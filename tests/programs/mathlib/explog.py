# kiln: build
# exp and log (natural and with a base).
import math

for x in [0.0, 1.0, -1.0, 0.5, 10.0, -10.0, 100.0, 700.0, -745.0]:
    print("exp", x, math.exp(x))
for x in [1.0, math.e, 2.0, 10.0, 0.5, 1e-300, 1e300, 123.456]:
    print("log", x, math.log(x))
print(math.log(8, 2), math.log(100, 10), math.log(1000, 10), math.log(81, 3), math.log(2, 8))
print(math.exp(math.log(5.0)), math.log(math.exp(3.0)), math.exp(1.0) == math.e)
total = 0.0
for i in range(1, 21):
    total += math.log(i)
print(f"log(20!) = {total:.10f} exp = {math.exp(total):.1f}")

# Thread-pool options mean nothing for a GPU loop.
# expect: cannot be combined with gpu=True
from kiln import par

xs = [0] * 10
@par(gpu=True, schedule="dynamic")
for i in range(10):
    xs[i] = i
print(xs)

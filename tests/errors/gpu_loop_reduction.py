# A gpu=True loop has no reductions.
# expect: would be a reduction of a `gpu=True` loop
from kiln import par

total = 0
@par(gpu=True)
for i in range(10):
    total += i
print(total)

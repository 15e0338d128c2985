# chunk_size must be at least 1.
# expect: chunk_size
# at: 7
from kiln import par

total = 0
for i in par(range(10), schedule="dynamic", chunk_size=0):
    total += i
print(total)

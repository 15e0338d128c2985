# An unknown schedule name.
# expect: schedule
# expect: fast
# at: 6
total = 0
@par(schedule="fast")
for i in range(10):
    total += i
print(total)

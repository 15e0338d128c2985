# A misspelt option name.
# expect: scheduel
# at: 5
total = 0
@par(scheduel="dynamic")
for i in range(10):
    total += i
print(total)

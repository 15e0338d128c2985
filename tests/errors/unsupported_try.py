# try / except is not in this milestone.
# expect: does not support
# expect: try
# at: 6
x = 0
try:
    y = 1 // x
except ZeroDivisionError:
    y = 0
print(y)

# Output without a trailing newline must still be flushed before the error report.
print("line one")
print("partial", end="")
print(" more", end="")
xs = [1]
print(xs[1])

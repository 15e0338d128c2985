# Ends with an uncaught ValueError from int() on bad input, after some good lines.

lines = ["10", "20", " 30 ", "4O", "50"]
total = 0
for line in lines:
    n = int(line)
    total += n
    print("read", n, "total", total)
print("done", total)

# An uncaught TypeError from arithmetic on a missing dict value (exit 1).
prices = {"apple": 3, "pear": 4}
total = 0
for item in ["apple", "pear", "plum"]:
    p = prices.get(item)
    print(item, p)
    total = total + p
print(total)

# Ends with an uncaught IndexError after a finally block has run.


class Ring:
    def __init__(self, items):
        self.items = items

    def at(self, i):
        return self.items[i]


r = Ring([5, 6, 7])
total = 0
for i in range(3):
    total += r.at(i)
print("total", total)
try:
    print(r.at(3))
finally:
    print("finally runs before the traceback")

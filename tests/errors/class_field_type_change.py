# A field keeps one type, like a variable.
# expect: field `count` would change type from int to str
# at: 10
class Counter:
    def __init__(self):
        self.count = 0

    def label(self):
        # at the second store the field is already an int
        self.count = "many"


c = Counter()
c.label()
print(c.count)

# A function that returns an int on one path and a str on another.
# expect: int
# expect: str
# expect: return n
# expect: return "non-positive"
def describe(n):
    if n > 0:
        return n
    return "non-positive"


print(describe(3))

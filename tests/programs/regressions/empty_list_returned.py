# Regression: an empty list returned by a function is typed by what the caller appends.
def mk():
    return []


b = mk()
b.append("s")
print(b)
d = mk()
print(d, len(d))

# An argument whose type contradicts the parameter's annotation.
# expect: int
# expect: str
# at: 10
def double(x: int) -> int:
    return x * 2


print(double(4))
print(double("four"))

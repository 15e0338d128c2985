# A dict whose values have different types cannot be typed statically: a compile error at the
# second value, naming both types.
# expect: dict values have different types
# expect: int
# expect: str
# at: 7
ages = {"ann": 31, "bob": "twenty"}
print(ages)

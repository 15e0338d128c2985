# A variable that is an int in one place and a str in another: the diagnostic shows both places.
# expect: int
# expect: str
# expect: value = 10
# expect: value = "ten"
value = 10
print(value)
if value > 5:
    value = "ten"
print(value)

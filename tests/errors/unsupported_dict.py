# Dict literals are not in this milestone.
# expect: does not support
# expect: dict
# at: 5
ages = {"ann": 31, "bob": 27}
print(ages)

# Classes are not in this milestone.
# expect: does not support
# expect: class
# at: 5
class Point:
    x = 0


print("no classes yet")

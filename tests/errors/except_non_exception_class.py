# Only exception classes can be caught.
# expect: catching classes that do not inherit from BaseException is not allowed
# at: 11
class Plain:
    pass


try:
    print(1)
    Plain()
except Plain:
    print(2)

# A module function reading a name the module never binds (imported by foreign_name_main.py).
# expect: name `count` is not defined
# at: 5
def get():
    return count

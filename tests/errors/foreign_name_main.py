# The main program binds `count`; the module it imports reads a `count` of its own, which is
# never bound: it is not the main program's variable of the same name.
# expect: name `count` is not defined
# expect: foreign_name_module.py:5
count = 5
import foreign_name_module
print(foreign_name_module.get())

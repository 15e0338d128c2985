# A list as the lone right operand of `%` with a computed template (CPython would treat it as a
# mapping).
# expect: does not support a list[int] as the right operand of `%` with a computed template
# expect: wrap it in a tuple
# at: 7
fmt = "%s" + "!"
print(fmt % [1, 2])

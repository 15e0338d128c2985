# Keyword arguments to `.format` on a computed template.
# expect: keyword arguments to `.format` on a computed template
# at: 5
template = "{name}" + "!"
print(template.format(name="Ada"))

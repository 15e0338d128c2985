# a computed %-template applied to a value of the wrong type raises CPython's TypeError
fmt = "%" + "d"
print(fmt % 5)
print(("[" + fmt + "]") % 7)
print(fmt % "x")

# Printing dict views: CPython prints dict_keys(['x', 'y']) dict_values([1, 2]) dict_items([('x', 1), ('y', 2)]); kiln prints them as plain lists ['x', 'y'] [1, 2] [('x', 1), ('y', 2)].
d = {"x": 1, "y": 2}
print(d.keys(), d.values(), d.items())
print(str(d.keys()))

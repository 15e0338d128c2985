# hash() of ints, floats, str (CPython's values with PYTHONHASHSEED=0) and bools; isinstance with built-in types
print(hash(42), hash(-1), hash(2**62), hash(1.5), hash(0.1), hash("abc"), hash(""), hash(True), hash("héllo"))
x = 3
print(isinstance(x, int), isinstance(x, float), isinstance(True, int), isinstance("s", (int, str)), isinstance([1], list), isinstance({}, dict))

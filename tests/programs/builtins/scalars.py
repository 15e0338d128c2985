# kiln: build
# Builtins on scalars: abs, min, max, int, float, bool, str, repr, format.
print(abs(-7), abs(7), abs(-2.5), abs(0.0), abs(-0.0), abs(True), abs(-9223372036854775807))
print(min(3, 1, 2), max(3, 1, 2), min(2.5, -1.5), max(-0.0, 0.0), min(0.0, -0.0))
print(min("pear", "apple", "fig"), max("pear", "apple", "fig"), min(True, False))
print(int(3.99), int(-3.99), int(True), int(7), int(), float(3), float(True), float())
print(float("inf"), float("-inf"), float("nan"), float("1.5e3"), float(" 2.25 "))
print(bool(0), bool(3), bool(0.0), bool(-0.5), bool(""), bool("x"), bool([]), bool([0]), bool())
print(str(12), str(-0.5), str(True), str(None), str(), repr("it's"), repr('say "hi"'), repr(2.0))
print(format(255, "x"), format(3.14159, ".2f"), format("ab", ">5"), format(True, ">6"), format(7))
print(2 ** -1, 10 ** -3, 2 ** 10, 2.0 ** 0.5, (-8) ** 2, 7 ** 0)
print(True + True, True * 3, False - 1, True / 2, -True, ~False, True & False, True | False, True ^ True)
print(len("héllo"), len(""), len([1, 2, 3]), len([[1], [2]][0]) if False else len([5.5]))

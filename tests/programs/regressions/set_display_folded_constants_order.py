# A set display whose elements are constants only after CPython's AST constant folding (tuples of
# constants, arithmetic on constants) prints in CPython's frozenset-constant order; kiln adds them one by one.
# Expected (CPython 3.11, PYTHONHASHSEED=0):
#   {(-2, 2), (-2, 3), (-5, -3)} / {('a', 1), ('b', 2), ('c', 3)} / {148, 110, -10} / {43, 30, -13} / 43 30 -13
# Actual (kiln): {(-2, 3), (-5, -3), (-2, 2)} / {('a', 1), ('c', 3), ('b', 2)} / {110, 148, -10} / {43, -13, 30} / 43 -13 30
# (frontend set_display treats only plain constants and unary minus as constant.)
print({(-5, -3), (-2, 3), (-2, 2)})
print({("a", 1), ("b", 2), ("c", 3)})
print({-10, 141 + 7, 110})
print({-20 + 7, 43 * 1, 30})
for x in {-20 + 7, 43 * 1, 30}:
    print(x, end=" ")
print()

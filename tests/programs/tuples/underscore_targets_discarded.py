# `_` as a throwaway target for values of different types, in a program that never reads `_`:
# tuple unpacking in `for`, starred `*_` over mixed types, nested targets, comprehensions.
rows = [("alice", 91.5, "A"), ("bob", 72.0, "C"), ("cy", 85.25, "B")]
for _, _, grade in rows:
    print(grade)
for name, *_ in rows:
    print(name.upper())
first, *_, last = (1, "two", 3.0, [4], "five")
print(first, last)
(_, score), _ = ("x", 1.5), "unused"
print(score)
print([n for n, _, _ in rows])
_ = "text"
_ = 3
for _ in range(2):
    print("tick")

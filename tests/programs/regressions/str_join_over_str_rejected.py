# str.join over a string (iterates its characters): CPython prints "x, y, z".
# kiln rejects it with "sequence item 0: expected str instance, str found" (self-contradictory).
# (Related: " ".join([1, 2]) is rejected with "... expected str instance, list[int] found"; the item type is int.)
print(", ".join("xyz"))

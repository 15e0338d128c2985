# Only the module's top-level defs are collected: one inside a module-level loop is refused.
# expect: kiln does not support a `def` inside a module-level `if`, loop or `try` yet
# at: 7

fs = []
for m in range(3):
    def even(k):
        return k == m
    fs.append(even)
print(fs[0](2))

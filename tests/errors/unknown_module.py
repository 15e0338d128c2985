# Importing a module that kiln does not know.
# expect: no module
# expect: frobozz
# at: 5
import frobozz

print("unreachable")

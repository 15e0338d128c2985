# Constants shared across modules.
print("loading module", __name__)

WIDTH = 12
HEIGHT = 6
SEED = 99
TURNS = 8

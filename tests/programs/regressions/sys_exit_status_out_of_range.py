# sys.exit(n) with n outside 0..255: CPython's exit status is n & 0xFF (the OS truncates).
# Expected (CPython): "bye" and exit status 0 for sys.exit(256) (255 for -1, 232 for 1000, 254 for -2)
# Actual (kiln): exit status 255 for any n > 255, and 0 for any negative n.
print("bye")
import sys
sys.exit(256)

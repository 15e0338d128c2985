# sys.exit with a string: CPython prints "start" on stdout, "bad input" on stderr, exit status 1.
# kiln rejects the program with "sys.exit() code must be an integer, not str" -- misleading,
# since CPython accepts any object (a str is printed to stderr); should be a `does not support ... yet`.
import sys
print("start")
sys.exit("bad input")

# sys.argv indexed or passed to len() in a program with no other list[str]: kiln reports
#   error: internal compiler error: invalid IR in function `__kiln_module`: type List { elem: [4] } is not interned in the module
# (exit 2). Expected (CPython, run with no extra arguments): "1" then "ok".
# `args = sys.argv; print(args)` works; so does this program once any other list of str appears in it.
import sys
print(len(sys.argv))
if len(sys.argv[0]) > 0:
    print("ok")

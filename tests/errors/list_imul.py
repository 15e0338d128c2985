# `*=` on a list would have to repeat it in place; kiln reports it instead of rebinding.
# expect: does not support
# expect: *=
# at: 6
c = [1, 2]
c *= 2
print(c)

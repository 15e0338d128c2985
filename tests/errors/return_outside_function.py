# return at module level.
# expect: return
# expect: outside function
# at: 6
x = 1
return x

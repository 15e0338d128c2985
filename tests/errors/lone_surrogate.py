# A lone surrogate escape cannot be a UTF-8 string (CPython fails when printing it).
# expect: lone surrogate
# at: 4
print('\ud800')

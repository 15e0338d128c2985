# Methods of str and list that kiln does not have yet are reported as such, not as missing.
# expect: does not support the str method
# at: 5
s = "ab"
print(s.expandtabs())

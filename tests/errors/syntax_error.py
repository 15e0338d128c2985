# A syntax error: an operator with no left operand.
# expect: syntax
# at: 5
x = 1
y = x + * 2
print(y)

# A syntax error: a parenthesis that is never closed (reported at or after the open paren).
# expect: syntax
total = (1 + 2
print(total)

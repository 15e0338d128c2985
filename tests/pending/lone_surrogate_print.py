# BUG (silent different output, minor): printing a str with a lone surrogate. CPython (UTF-8 stdout)
# raises UnicodeEncodeError: 'utf-8' codec can't encode character '\ud800' in position 0:
# surrogates not allowed (exit 1, nothing printed). kiln prints U+FFFD (bytes EF BF BD)
# and a newline, exit 0. Expected: CPython's error, or a compile error for the literal.
print('\ud800')

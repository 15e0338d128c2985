# kiln: build
# Escape sequences in string literals and how they print, alone and inside lists.
print("tab:\t|")
print("quote: \" and ' and \\")
print('single \'quoted\'')
print("unicode: \u00e9 \u03c0 \N{GREEK SMALL LETTER ALPHA}")
print("multi\nline\nstring")
print(len("\n"), len("\\n"), len("\t\t"), len("\""))
print(["a\nb", "tab\t", "it's", 'say "hi"', "both ' and \"", "back\\slash", ""])
print(["\x00", "\x07", "\x7f", "é", "\x1b[0m"])
print(r"raw \n stays", len(r"\n"))
print("""triple
quoted""")

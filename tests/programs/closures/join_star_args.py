# str.join of a tuple: the *args tuple of a formatting helper and a tuple literal.


def path(*parts):
    return "/".join(parts)


def csv_row(sep, *cells):
    return sep.join(cells) + ";"


print(path("usr", "local", "bin"))
print(path("tmp"))
print(csv_row(",", "a", "b", "c"), csv_row("|", "x", "y"))
words = ("kiln", "compiles", "python")
print(" ".join(words), "-".join(words[1:]))

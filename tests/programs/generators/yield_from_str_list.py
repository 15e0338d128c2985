# `yield from` a list of strings inside a generator: a report builder that yields fixed header and footer lines.


def section(title, body):
    yield title.upper()
    yield from ["-" * len(title)]
    for line in body:
        yield "  " + line


def report(sections):
    yield from ["REPORT", "======"]
    for title, body in sections:
        yield from section(title, body)
    yield from ["", "end of report"]


for line in report([("intro", ["hello", "world"]), ("numbers", ["one", "two", "three"])]):
    print(line)


def tags(words):
    for w in words:
        yield from [w, w.upper()]


print(list(tags(["a", "bc"])))
print(list(section("x", ["only"])))

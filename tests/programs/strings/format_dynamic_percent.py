# %-formatting with templates computed at run time (variables, concatenation, lists, loops):
# formatted by the runtime instead of compiled
fmt = "%5.2f|%s"
x = 3.14159
name = "Ada"
print(fmt % (x, name))
n = 42
print(("%d" + "!") % n)
print(("%" + "5.1f") % 2.25, ("%-6s" + "|") % "ab", ("%x" + ":" + "%o") % (255, 8))
specs = ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%X", "%#x", "%o", "%#o", "%i", "%u"]
for s in specs:
    print(s, "->", s % 42, s % -7)
floats = ["%f", "%.0f", "%10.3f", "%-10.2f|", "%e", "%.2E", "%g", "%G", "%.3g", "%+.1f", "%010.4f", "%#.0f"]
for s in floats:
    print(s, "->", s % 3.14159, s % -1234567.891, s % 1e-5, s % 0.0)
print("%g %g %g" % (1e20, 123456789.0, 0.0001))
strs = ["%s", "%r", "%10s|", "%-10s|", "%.2s", "%5.1s|", "%a"]
for s in strs:
    print(s, "->", s % "hello", s % "it's", s % "é")
print("%c%c%c" % (72, "i", 33))
print(("100" + "%%") % ())
print(("%d%%" + " done") % 50)
print(("%s and %s" % (True, None)), "%d" % True, "%.1f" % 3, "%d" % 3.99, "%x" % False)
print("%s|%r" % ([1, 2], [1, 2]), "%s" % ((1, "a"),), "%r" % ({"k": 1},), "%s" % ([],))
print("%s" % ({1, 2},), "%-12s|" % ([1.5, 2.0],), "%s %s" % ((1,), ("x", None)))
print("%s" % (["a", "b"],))
big = "%d|" * 5
print(big % (1, 22, 333, 4444, 55555))
rows = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("banana", 100, 12.125)]
line = "%-8s %3d %6.2f"
for r in rows:
    print(line % r)
for r in rows:
    print(line % (r[0], r[1], r[2]))
templates = ["[%s]", "<%5s>", "{%-5s}", "(%.1s)"]
out = ""
for t in templates:
    out += t % "abc"
print(out)
width = 7
dyn = "%" + str(width) + "." + str(2) + "f"
print(dyn, dyn % 2.0)
for w in range(1, 6):
    print(("%" + str(w) + "d|") % w, ("%-" + str(w) + "s|") % "x")
print(("%" + "*d") % (5, 42), ("%-*.*f|" + "") % (8, 2, 3.14159))
fmt2 = "%s"
print(fmt2 % 5, fmt2 % 2.5, fmt2 % "s", fmt2 % None, fmt2 % False)


def fmt_row(template, a, b):
    return template % (a, b)


print(fmt_row("%s=%d", "k", 1), fmt_row("%s=%r", "k", "v"), fmt_row("%5.1f%%, %s", 99.5, "ok"))
print("%d" % 9223372036854775807, "%x" % -255, "%o" % -8, "%.3e" % 12345.6789)
pct = "%5.2f%%"
print(pct % 12.345, pct % 1.005)

# str.format with templates computed at run time (variables, concatenation, lists, loops):
# formatted by the runtime instead of compiled
template = "{0:>8} {1}"
a = "right"
b = 42
print(template.format(a, b))
print(("{}" + "!").format(7))
t2 = "{1:>6.2f}|{0}"
print(t2.format("x", 3.14159))
specs = ["{}", "{:d}", "{:5d}|", "{:<5d}|", "{:^7d}|", "{:05d}", "{:+d}", "{: d}", "{:x}", "{:#X}", "{:o}",
         "{:#b}", "{:,}", "{:_}", "{:_x}", "{:>10,}", "{:n}", "{:e}", "{:.2%}"]
for s in specs:
    print(s, "->", s.format(1234567), s.format(-42))
fspecs = ["{}", "{:f}", "{:.2f}", "{:10.3f}|", "{:<10.1f}|", "{:^10.1f}|", "{:e}", "{:.3E}", "{:g}", "{:.3g}",
          "{:,.2f}", "{:_.1f}", "{:%}", "{:.1%}", "{:+.2f}", "{:010.2f}", "{:*>12.4f}", "{:=+10.2f}"]
for s in fspecs:
    print(s, "->", s.format(3.14159), s.format(-1234567.891), s.format(1e-7), s.format(0.0))
sspecs = ["{}", "{!r}", "{!s}", "{!a}", "{:10}|", "{:>10}|", "{:^10}|", "{:*<10}|", "{:.2}", "{:>6.3}|", "{!r:>12}|"]
for s in sspecs:
    print(s, "->", s.format("hello"), s.format("é"), s.format("it's"))
print("{} {} {}".format(True, None, False), "{:d}".format(True), "{:>5}|".format(True), "{!r}".format(None))
print("{0}{1}{0}".format("ab", "cd"), "{{}} {}".format(1), "{{{0}}}".format(2), "}}{{".format())
print("{} {}".format([1, 2], (3, "x")), "{!r}".format([["a"]]), "{}".format({"k": [1]}), "{}".format({7}))
nested = "{:{}}|"
print(nested.format(1, 5))
n2 = "{:{}.{}f}|"
n3 = "{0:{1}}|"
print(n2.format(3.14159, 10, 3), n3.format("ab", 6))
names = ["x", "yy", "zzz"]
vals = [1.5, 22.25, 333.125]
header = "{:<5}|{:>10}"
for i in range(3):
    print(header.format(names[i], vals[i]))
cols = ["{:>4}", "{:<4}", "{:^4}"]
row = ""
for c in cols:
    row += c.format("ab") + "|"
print(row)
for w in range(1, 5):
    print(("{:" + str(w) + "}|").format(w), ("{:0" + str(w) + "d}").format(w))
parts = ["{0}", "-", "{1}", "-", "{0}"]
tpl = ""
for p in parts:
    tpl += p
print(tpl.format("a", "b"))
print(", ".join(["{}"] * 3).format(1, 2.5, "c"))


def render(template, value):
    return template.format(value)


print(render("<{}>", 1), render("<{:.1f}>", 2.25), render("<{!r}>", "s"))
print("{:,}".format(-9223372036854775807), "{:_b}".format(255), "{:#_o}".format(4096))
print("{:.0f} {:.0f} {:.0f}".format(0.5, 1.5, 2.5), "{:g}".format(1e20), "{:g}".format(1e-5))

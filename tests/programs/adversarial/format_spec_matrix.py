# format() with many specs for int, float, str and bool (fill/align/sign/#/0/width/grouping/precision/type), nested f-string specs
ints = [0, 7, -7, 1234567, -1234567, 255, 9223372036854775807, -9223372036854775807 - 1]
specs = ["", "d", "5", "<6", ">6", "^7", "*^9", "+", "-", " ", "+08", "08", ",", "_", "_x", "x", "X",
         "#x", "#X", "#o", "o", "b", "#b", "#010b", "e", ".2e", "f", ".3f", "%", ".1%", "g", "G", "n",
         "=+10", "0=10", ",d", "+,", "12,", "c" ]
for v in ints:
    for s in specs:
        if s == "c" and (v < 0 or v > 1000):
            continue
        print(repr(s), "[" + format(v, s) + "]")
floats = [0.0, -0.0, 1.5, -2.25, 1234567.891, 1e-7, 1e20, 0.1, 2.5, 3.5, 1e16, 123.456, float("inf"), float("nan"), -float("inf")]
fspecs = ["", "f", ".0f", ".1f", ".10f", "e", ".0e", "E", ".3e", "g", ".0g", ".1g", ".3g", "#g", "#.3g", "G", "%", ".0%", ",.2f", "_.3f",
          "+.2f", " .2f", "010.2f", "<10.2f", ">10.1f", "^10.1f", "x^12.3g", "=+12.2f", "12", ".5", "#.0f", "#.0e", ",", "+", "n", ".2n", "015,.2f", "-^11"]
for fv in floats:
    for s in fspecs:
        print(repr(s), "[" + format(fv, s) + "]")
strs = ["", "a", "héllo", "日本語", "tab\tx"]
sspecs = ["", "s", "5", "<5", ">5", "^6", "*^7", ".2", "10.3", "-<4", "^^5"]
for sv in strs:
    for s in sspecs:
        print(repr(s), "[" + format(sv, s) + "]", f"[{sv:{s}}]")
for b in [True, False]:
    for s in ["d", "5", "<6", "x", "b", ".2f", "e", "g", "%", "+", "08", "s" if False else "^7"]:
        print(repr(s), "[" + format(b, s) + "]", format(b, ""), format(b))
print(f"{True}", f"{False!r}", f"{None}", str(True), repr(False), f"{1 == 1:>6}")
w = 10
p = 3
print(f"[{3.14159:{w}.{p}f}]", f"[{42:{'>'}{w}}]", f"{'x':{'*'}^{w}}")
print(f"{{literal}} {1 + 1} {'a' + 'b'!r:>8}")
print(f"{-0.0:+}", f"{0.0:+}", f"{-0.0:.0f}", f"{-0.4:.0f}", f"{0.5:.0f}", f"{1.5:.0f}", f"{2.675:.2f}")

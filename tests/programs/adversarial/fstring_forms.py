# f-strings: !r/!s on lists and strs, nested specs, = specifier, braces, zero-padding with signs, nan/inf padding
xs = [1.5, -0.0, float("inf"), float("nan"), 1e16, 1e-5]
print(xs, str(xs), repr(xs), f"{xs}", f"{xs!r}", f"{xs!s}")
ss = ["a", "it's", 'q"', "é\n", ""]
print(ss, f"{ss}", len(ss))
bs = [True, False]
print(bs, f"{bs}", str(bs))
print(f"{xs!r:>60}|", f"{ss!s:^50}|", f"{bs:}")
name = "wörld"
print(f"{name!r:*<12}", f"{name!s:>8.3}")
print(f"{1}{2}{3}", f"{{}}", f"{{{1}}}", f"a{'b'}c", f'{"dq"}', f"""{'tri'}""")
v = 3.14159
print(f"{v:.{2}f}", f"{v:{'>'}{10}.{3}}", f"{v=}", f"{v = :.2f}", f"{ v }", f"{v!r:>10}")
n = 255
print(f"{n:#x}{n:#o}{n:#b}", f"{n:c}", f"{-n:x}", f"{n:_b}", f"{n:08_b}", f"{n=:>6}")
print(f"{n:,}", f"{-1234567:,}", f"{1234567.5:,}", f"{0.000012345:g}", f"{123456789.0:g}", f"{1e100:g}")
print(f"{'':^5}|{'a':^2}|{'ab':^5}|{'abc':^6}|{1:^4}|{-1:^4}|{1.5:^7}")
print(f"{-5:=+8}", f"{5:=8}", f"{-5:08}", f"{-5.5:010.2f}", f"{5:+08.2f}", f"{-0.0:08.2f}", f"{float('nan'):08}", f"{float('inf'):+09}")
print(f"{1e16:.0f}", f"{2.5e-5:.3%}", f"{1/3:.20f}", f"{2**0.5:.17g}", f"{1e23:f}", f"{1.23456789e-300:.5e}")
print(f"{12345:e}", f"{12345:.2f}", f"{7:%}", f"{True:5}", f"{False:<5}|")

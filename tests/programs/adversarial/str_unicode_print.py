# non-ASCII len/concat/compare/repr of strings, print sep/end combinations
# strings: non-ASCII len/concat/compare/repr, print sep/end
s = "héllo wörld 日本 🎉"
print(len(s), len(""), len("🎉🎉"), len("e\u0301"))
t = s + "!" + "!!"
print(t, len(t))
print("abc" == "abc", "abc" < "abd", "é" < "日", "🎉" > "日", "a" != "b", "" < "\x00", "Z" < "a")
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\t nl\n bs\\ bell\x07 del\x7f"), repr("é日🎉"), repr("\u200b\xa0"))
print(repr("\r\x1b\x00"), repr("\ud7ff"), repr("\U0001f600"), repr("\x85\u2028"), repr("'"), repr("\""))
print(str(12) + str(-3.5) + str(True) + str(None))
print(float("1_000.5"), float("  -1e-3\n"), float("INF"), float("-nan"), float("+Infinity"), float(".5"), float("5."))
print("%", "a\tb", "line1\nline2")
print("x", "y", sep="")
print("x", "y", sep="--", end="!!\n")
print(sep="-", end="E\n")
print()
print("a", end="")
print("b", end="")
print()
print(1, 2.0, "s", True, None, [1], sep=", ")
print("日本", "語", sep="🎉")
e = ""
print(e, e, sep=e, end=e)
print("end")
print([s, "a'b", "é"], ["x\"y"], [""])
print(str("x"), str(""), repr(""), f"{s!r}", f"{s:>20}|", f"{s:.3}")

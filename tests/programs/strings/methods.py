# str methods (split/join/strip/replace/find/count/case/predicates/padding/startswith), indexing, slicing, iteration, ord/chr/hex/oct/bin, int()/float() of str
s = "  Hello, World! héllo ß  "
print(s.split(), s.split(","), s.strip().split(" ", 1), "a,b,,c".split(","), "a b c".rsplit(" ", 1))
print("x\ny\r\nz".splitlines(), "-".join(["a", "b", "c"]), ", ".join(str(i) for i in range(4)))
print(s.strip(), "[" + s.lstrip() + "]", "[" + s.rstrip() + "]", "xxhixx".strip("x"))
print(s.replace("l", "L"), s.replace("l", "L", 2), s.find("World"), s.rfind("l"), s.count("l"), s.find("zz"))
print(s.upper(), s.lower(), "hello world".title(), "hello".capitalize(), "AbC".swapcase())
print("123".isdigit(), "abc".isalpha(), "a1".isalnum(), "  ".isspace(), "ABC".isupper(), "".isdigit())
print("7".zfill(3), "-7".zfill(4), "ab".center(7, "*"), "ab".ljust(5) + "|", "ab".rjust(5, "."))
print(s.startswith("  He"), s.endswith("ß  "), "file.py".endswith((".py", ".txt")), "ab".index("b"))
t = "héllo"
print(t[0], t[1], t[-1], t[1:3], t[::-1], t[::2], len(t))
for ch in "abc":
    print(ch, ord(ch), end="; ")
print()
print(chr(65), chr(233), hex(255), oct(8), bin(5), hex(-31), int("42"), int("ff", 16), int(" -7 "), float("2.5"), float(" 1e3"))
print("ab" * 3, 2 * "xy", "-" * 10, "lo" in "hello", "z" not in "hello")
for i, ch in enumerate("hi"):
    print(i, ch)
words = "the quick brown fox jumps over the lazy dog".split()
counts = [0] * 26
for w in words:
    for ch in w:
        counts[ord(ch) - ord("a")] += 1
print(counts)
print([w.upper() for w in words if len(w) > 3])
print(int("abc"))

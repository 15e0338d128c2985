# Strings, bools and expressions inside f-strings; width counts code points.
name = "kiln"
word = "héllo"
flag = True
n = 3
print(f"{name}|{name:8}|{name:>8}|{name:^8}|{name:*^9}|{name:<2}|")
print(f"{word}|{word:>8}|{word:_<8}|{'日本':^6}|{'🎉':>3}|")
print(f"{flag} {not flag} {n > 2} {n == 3 and flag}")
print(f"{n} + {n} = {n + n}; {n} ** 3 = {n ** 3}; half = {n / 2}; list = {[n, n * 2]}")
print(f"nested quotes: {'inner'} and {name + '!'}")
print(f"{{literal braces}} {{{n}}} {n}{n}")
print(f"{len(word)} {str(n) + str(n)} {1 if flag else 0}")
print(f"")
print(f"no fields")
x = 0.1
print(f"{x} {x * 3} {-x} {x + 0.2}")

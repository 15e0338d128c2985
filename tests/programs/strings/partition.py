for s in ["key=value", "no separator", "a=b=c", "=start", "end=", "", "ünï=cödé"]:
    print(repr(s), s.partition("="), s.rpartition("="))
head, sep, tail = "2024-01-15".partition("-")
print(head, sep, tail)
print("a::b::c".partition("::"), "a::b::c".rpartition("::"))
try:
    "abc".partition("")
except ValueError as e:
    print("ValueError:", e)

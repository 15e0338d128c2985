# sorted() of a str and "".join(sorted(s)): the runtime sorts the characters in one call.
# Edge cases: empty and one-character strings, non-ASCII text (2-, 3- and 4-byte UTF-8),
# long strings (the counting sort), reverse, separators, and names that shadow `sorted`.


def letters(w: str) -> str:
    return "".join(sorted(w))


def main():
    words = ["banana", "", "a", "héllo", "ßtraße", "zyx", "Zebra", "日本語のテキスト", "a😀b😃", "  \t\n"]
    words.append("the quick brown fox jumps over the lazy dog" * 3)
    for w in words:
        print(repr(letters(w)), repr("-".join(sorted(w))), repr(", ".join(sorted(w))))
        print(sorted(w), sorted(w, reverse=True), sorted(w, key=None), len(sorted(w)))
        print(repr("".join(sorted(w, reverse=True))), repr("+".join(sorted(list(w)))))
    # Anagram classes keyed by the sorted letters.
    classes = {}
    for w in ["listen", "silent", "enlist", "inlets", "google", "gooegl", "élan", "lané"]:
        key = "".join(sorted(w))
        if key in classes:
            classes[key].append(w)
        else:
            classes[key] = [w]
    for k, v in classes.items():
        print(k, v)
    # Other iterables still go through the general sort.
    xs = ["b", "a", "c"]
    print("".join(sorted(xs)), "".join(sorted(x for x in "zyx")), "".join(sorted({"q": 1, "p": 2})))
    print("".join(sorted(set("mississippi"))), "".join(sorted(("t", "u", "p"))))
    # The list is a fresh list of its own.
    s = sorted("hello")
    s.append("!")
    s[0] = "H"
    print(s, "".join(s))
    rev = 0
    print(sorted("kiln", reverse=rev), sorted("kiln", reverse=3), sorted("kiln", reverse=False))
    # Characters of a sorted string compare and index like any others.
    t = "".join(sorted("dcba"))
    print(t[0], t[-1], t[1:3], t == "abcd", t < "abce")


def shadowed():
    def sorted(s):
        return [s]

    print("".join(sorted("cab")))


main()
shadowed()

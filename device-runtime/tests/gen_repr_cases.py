#!/usr/bin/env python3
"""Generate repr() test data from CPython 3.11:

    python3 device-runtime/tests/gen_repr_cases.py str  > device-runtime/tests/data/str_repr.txt
    python3 device-runtime/tests/gen_repr_cases.py list > device-runtime/tests/data/list_repr.txt

str_repr.txt: `TEXT<TAB>=repr(TEXT)` (both escaped, see casefmt.py); every code point below
U+3000 and samples from all planes (lone surrogates excluded: kiln strings are UTF-8).
list_repr.txt: `KIND<TAB>N<TAB>E1...EN<TAB>=repr(list)` with KIND int, float (bits), bool
(0/1), str (escaped) or none (elements written as `-`).
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casefmt import esc, fbits, from_bits, line  # noqa: E402


def rand_char(rng):
    while True:
        k = rng.random()
        if k < 0.4:
            c = rng.randint(0, 0x2FFF)
        elif k < 0.8:
            c = rng.randint(0x3000, 0xFFFF)
        else:
            c = rng.randint(0x10000, 0x10FFFF)
        if not 0xD800 <= c <= 0xDFFF:
            return chr(c)


def gen_str():
    rng = random.Random(99)
    texts = [
        "", "a", "abc", "it's", 'say "hi"', "both ' and \"", "'", '"', "''\"", "\\", "a\\b",
        "\t\n\r", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xad\xff", "caf\u00e9", "\u65e5\u672c",
        "\U0001F389", "\u2028\u2029", "\ufeff", "\ue000", "\U000F0000", "\U0010FFFF",
        "\u0378", "\u200b\u200e", "\u3000", " ", "\u00a0", "tab\tin'side\"", "\x1b[0m",
    ]
    for start in range(0, 0x3000, 16):
        texts.append("".join(chr(c) for c in range(start, start + 16) if not 0xD800 <= c <= 0xDFFF))
    for _ in range(2000):
        texts.append("".join(rand_char(rng) for _ in range(rng.randint(1, 8))))
    for _ in range(300):
        texts.append("".join(rng.choice("ab'\"\\\t\n x\u00e9") for _ in range(rng.randint(1, 10))))
    out = [line(esc(t), "=" + esc(repr(t))) for t in texts]
    sys.stdout.write("\n".join(out) + "\n")


def gen_list():
    rng = random.Random(7)
    out = []

    def emit(kind, elems, enc):
        out.append(line(kind, str(len(elems)), *[enc(e) for e in elems], "=" + esc(repr(elems))))

    emit("int", [], str)
    emit("float", [], fbits)
    emit("str", [], esc)
    for _ in range(150):
        n = rng.randint(1, 8)
        emit("int", [rng.choice([0, 1, -1, 2**63 - 1, -2**63, rng.randint(-10**9, 10**9)])
                     for _ in range(n)], str)
        emit("float", [rng.choice([0.0, -0.0, 0.1 + 0.2, 1e16, 1e-5, 2.5, float("inf"),
                                   float("-inf"), float("nan"), from_bits(rng.getrandbits(64)),
                                   rng.uniform(-100, 100)]) for _ in range(n)], fbits)
        emit("bool", [rng.choice([True, False]) for _ in range(n)], lambda b: str(int(b)))
        emit("str", ["".join(rand_char(rng) if rng.random() < 0.2 else rng.choice("ab'\" \\\n")
                             for _ in range(rng.randint(0, 5))) for _ in range(n)], esc)
        emit("none", [None] * n, lambda _: "-")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else ""
    if which == "str":
        gen_str()
    elif which == "list":
        gen_list()
    else:
        sys.exit("usage: gen_repr_cases.py str|list")

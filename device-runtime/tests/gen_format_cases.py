#!/usr/bin/env python3
"""Generate tests/data/format_cases.txt: format(value, spec) as computed by CPython 3.11.

    python3 device-runtime/tests/gen_format_cases.py > device-runtime/tests/data/format_cases.txt

Lines: `TYPE<TAB>VALUE<TAB>SPEC<TAB>RESULT` where TYPE is int, bool, float or str; VALUE is
decimal (int, bool as 0/1), float bits (0x...), or escaped text; see casefmt.py.
"""
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casefmt import esc, fbits, line, run  # noqa: E402

FLOATS = [
    0.0, -0.0, 1.0, -1.0, 0.1, 0.1 + 0.2, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 3.5, 1e16, 1e15,
    9999999999999998.0, 1e17, 1e-5, 1e-4, 0.0001234, 123456789.0, 1234567.891, -1234567.891,
    5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, math.inf, -math.inf, math.nan,
    3.141592653589793, 2 / 3, 1e100, -1e-100, 12345.6789, 100.0, 1e22, 1e23, 0.05, 0.15, 0.25,
    0.35, 999.9999, 9.5, 99.5, 0.995, 1e-7, -0.00001, 1e300, 123.456, -0.5, 1234.5, 0.045,
]

FLOAT_SPECS = [
    "", "e", "E", "f", "F", "g", "G", "n", "%",
    ".0", ".1", ".2", ".3", ".10", ".16", ".17", ".20",
    ".0e", ".1e", ".3e", ".16e", ".20e", ".0E",
    ".0f", ".1f", ".2f", ".3f", ".10f", ".20f", ".50f",
    ".0g", ".1g", ".2g", ".3g", ".10g", ".16g", ".17g", ".20g", ".3G", ".0n", ".3n",
    ".0%", ".1%", "#", "#.0f", "#.0e", "#g", "#.3g", "#.0", "#.3", "#.0%", "#e", "#G",
    "+", " ", "-", "+.3f", " .3e", "+g", "-%",
    "z", "z.1f", "z.0f", "z.3g", "+z.2f", "z.0e", "z%", "z.1%",
    "10", "<10", ">10", "^10", "=10", "*<12", "*>12", "*^12", "*=12", "0<12", "0^12",
    "010", "010.3f", "+010.2f", "-010.2e", " 012.4g", "012,", "012_", ",", "_", ",.2f",
    "_.3f", ",e", ",g", ",%", "15,.2f", "020,.2f", "0=15,.3f", "x^20.5e", "=+12.1f",
    ".1000f", ".400e", ".30g", "30.20f", " 010", "<010", ">010", "^010", "=010",
    "\u20ac^10", "\u0251>8.2f", "\U0001F389<9g", "\x00<5", "\t>6",
    "d", "x", "s", "c", "b", ",n", "_n", "10.2ff", ".", "zz", "#z", "z#", "+-", ",_", "_,", ",,",
    ".3000000000", "99999999999999999999", ".99999999999999999999", "\u0664\u0662.\u0663f",
    "=", "0", "00", "0=", "\u00e9", ",d",
]

INTS = [
    0, 1, -1, 7, -7, 42, 255, -255, 1000, 1234, -1234, 65, 0x10FFFF, 0x110000, 0xE9, 0x1F389,
    123456789, -987654321, 2**31, 2**53 + 1, 2**63 - 1, -2**63, 10**15, 999999, -1000000,
]

INT_SPECS = [
    "", "d", "b", "o", "x", "X", "c", "n", "e", "E", "f", "F", "g", "G", "%",
    "#b", "#o", "#x", "#X", "#d", "+", " ", "-", "+d", " x", "-b", "#010x", "010", "010b",
    "08,", "010,", "09_", "_", "_b", "_o", "_x", "#_x", "_X", ",", ",d", "15,", "=15,",
    "*^15_", "<10", ">10", "^10", "=10", "x=10", "x<010", "05c", ">5c", "<3c", "^5c", "=5c",
    "+c", "#c", ",c", " c", ".2", ".2f", ",.2f", ".3e", ".20g", ".0%", "z", "zd", "z.2f", "zx",
    ",x", ",b", ",o", "_n", ",n", "s", "10.2ff", ".", "+#012_b", "0=+10", " 020,", "_e",
    "\u20ac^12,", "\u0665", "\u0661\u0660d", "99999999999999999999", ".3000000000f", "=^9",
    "#", "0", "00", "+_x", "-#X", "#n", "e\u00e9",
]

STRS = [
    "", "a", "abc", "hello world", "\u00e9", "na\u00efve", "\u65e5\u672c\u8a9e", "\U0001F389x",
    "it's", "tab\there", "0123456789",
]

STR_SPECS = [
    "", "s", "10", "<10", ">10", "^10", "*^9", ".0", ".2", ".2s", "10.2", "^7.2", "010", "=10",
    "+", " ", "-", "z", "#", ",", "_", "d", "x", ".", "ab", "\U0001F389>5", "\u20ac<6",
    "0^11", ">3", ".100", "^1", "^2", "*^4.1", "99999999999999999999", ".3000000000",
    "\u0661\u0662", "c", "n", ",s", "_s", "<", "<<", "\u00e9^5s",
]

BOOL_SPECS = ["", "d", "5", "x", "#x", ".2f", "s", "^7", "+", "c", ",", "z", ".1"]


def random_spec(rng, types):
    parts = []
    if rng.random() < 0.3:
        if rng.random() < 0.5:
            parts.append(rng.choice("*0 x\u00e9#"))
        parts.append(rng.choice("<>=^"))
    if rng.random() < 0.3:
        parts.append(rng.choice("+- "))
    if rng.random() < 0.15:
        parts.append("z")
    if rng.random() < 0.2:
        parts.append("#")
    if rng.random() < 0.2:
        parts.append("0")
    if rng.random() < 0.5:
        parts.append(str(rng.randint(0, 25)))
    if rng.random() < 0.2:
        parts.append(rng.choice(",_"))
    if rng.random() < 0.5:
        parts.append("." + str(rng.randint(0, 25)))
    if rng.random() < 0.8:
        parts.append(rng.choice(types))
    return "".join(parts)


def main():
    out = []
    for v in FLOATS:
        for s in FLOAT_SPECS:
            out.append(line("float", fbits(v), esc(s), run(lambda: format(v, s))))
    for v in INTS:
        for s in INT_SPECS:
            if s.endswith("c") and 0xD800 <= v <= 0xDFFF:
                continue
            out.append(line("int", str(v), esc(s), run(lambda: format(v, s))))
    for v in STRS:
        for s in STR_SPECS:
            out.append(line("str", esc(v), esc(s), run(lambda: format(v, s))))
    for v in (False, True):
        for s in BOOL_SPECS:
            out.append(line("bool", str(int(v)), esc(s), run(lambda: format(v, s))))

    rng = random.Random(20240611)
    for _ in range(2500):
        k = rng.random()
        if k < 0.25:
            v = rng.choice(FLOATS)
        elif k < 0.5:
            v = rng.uniform(-1e6, 1e6) * 10.0 ** rng.randint(-12, 12)
            if rng.random() < 0.3:
                v = round(v, rng.randint(0, 4))
        else:
            v = None
        if v is not None:
            s = random_spec(rng, "eEfFgGn%")
            out.append(line("float", fbits(v), esc(s), run(lambda: format(v, s))))
            continue
        if k < 0.8:
            v = rng.choice([rng.randint(-10**6, 10**6), rng.randint(-2**63, 2**63 - 1), rng.choice(INTS)])
            s = random_spec(rng, "bcdoxXneEfFgG%")
            if "c" in s and not (0 <= v < 0xD800 or 0xDFFF < v <= 0x10FFFF):
                s = s.replace("c", "d")
            out.append(line("int", str(v), esc(s), run(lambda: format(v, s))))
        else:
            v = rng.choice(STRS)
            s = random_spec(rng, "s")
            out.append(line("str", esc(v), esc(s), run(lambda: format(v, s))))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()

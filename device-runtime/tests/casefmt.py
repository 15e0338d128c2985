"""Shared helpers of the test-data generators (`gen_*.py`).

Every data file is UTF-8 text, one case per line, fields separated by TAB. A field is
escaped: backslash, TAB, LF, CR and every character outside printable ASCII are written as
`\\\\`, `\\t`, `\\n`, `\\r` and `\\u{HEX}`, so lines are plain ASCII. Floats are written as
`0x` + the 16 hex digits of their IEEE-754 bits, so the Rust side reads them exactly.
A result is `=TEXT` (the value CPython produced) or `!Name: message` / `!Name` (the
exception CPython raised, as its traceback's last line).
"""
import struct


def esc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif 0x20 <= o < 0x7F:
            out.append(ch)
        else:
            out.append("\\u{%x}" % o)
    return "".join(out)


def fbits(x):
    return "0x%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def exc_text(e):
    msg = str(e)
    return "!" + type(e).__name__ + (": " + msg if msg else "")


def run(f):
    """`=result` or `!Exception: message` for calling f()."""
    try:
        return "=" + esc(f())
    except Exception as e:  # noqa: BLE001 - we record whatever CPython raises
        return esc(exc_text(e))


def line(*fields):
    return "\t".join(fields)

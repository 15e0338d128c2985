#!/usr/bin/env python3
"""Generate the test data of `files.rs` from CPython 3.11's `open()`:

    python3 device-runtime/tests/gen_file_cases.py > device-runtime/tests/data/file_cases.txt

Runs a script of file operations in an empty temporary directory (relative paths) and
writes one line per operation with CPython's outcome; the Rust test replays the lines in
its own temporary directory. Lines (`casefmt.py` fields):

    rawfile   NAME HEX              create NAME with these bytes (setup; no result)
    rawrep    NAME HEX COUNT        create NAME with the bytes repeated COUNT times
    mkdir     NAME                  (setup)
    open      H NAME MODE   RESULT  handle H = open(NAME, MODE); =ok
    write     H TEXT        RESULT  =number of characters
    writerep  H TEXT COUNT  RESULT  COUNT writes of TEXT; =total characters
    read      H             RESULT
    readline  H             RESULT
    readlines H             RESULT  =repr(list)
    flush     H             RESULT  =None
    close     H             RESULT  =None
    disk      NAME          RESULT  the bytes on disk now

Mixed reads and writes on one `r+` handle are only checked where CPython's result does not
depend on its buffer internals (a `readline` after a `write` may re-read from an odd
position there). Unflushed text is invisible on disk in both (small writes stay buffered), but how much of a
long run of writes has reached the disk before `close` depends on CPython's buffer sizes,
which kiln does not mimic, so the script does not look.

A text result is `=TEXT`, or `#LEN:FNV` (UTF-8 byte length and 64-bit FNV-1a hash) when
longer than 200 characters; `disk` gives `=HEX` or `#LEN:FNV` the same way. Errors are
`!Name: message` with paths relative to the directory.
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casefmt import esc, exc_text, line  # noqa: E402


def fnv(b):
    h = 0xcbf29ce484222325
    for c in b:
        h = ((h ^ c) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def summ_text(s):
    if len(s) <= 200:
        return "=" + esc(s)
    b = s.encode()
    return "#%d:%016x" % (len(b), fnv(b))


def summ_bytes(b):
    if len(b) <= 100:
        return "=" + b.hex()
    return "#%d:%016x" % (len(b), fnv(b))


def run(f, summ):
    try:
        return summ(f())
    except Exception as e:  # noqa: BLE001
        return esc(exc_text(e))


BIG_LINE = "line \u00e9\u65e5\u672c \U0001f600 " * 7 + "\n"     # multi-byte chars across chunks
CHUNK_CR = b"x" * 8191 + b"\r\n" + b"y\r" + b"z" * 8190 + b"\r" + b"\n" + b"end"

SCRIPT = [
    ("open", "f", "a.txt", "w"),
    ("write", "f", "hello\n"),
    ("write", "f", "w\u00f6rld \u65e5\u672c\n"),
    ("write", "f", "no newline"),
    ("disk", "a.txt"),
    ("flush", "f"),
    ("disk", "a.txt"),
    ("write", "f", "\r\n"),
    ("close", "f"),
    ("disk", "a.txt"),
    ("close", "f"),
    ("write", "f", "x"),
    ("read", "f"),
    ("readline", "f"),
    ("readlines", "f"),
    ("flush", "f"),
    ("open", "g", "a.txt", "r"),
    ("readline", "g"),
    ("readline", "g"),
    ("readline", "g"),
    ("readline", "g"),
    ("readline", "g"),
    ("close", "g"),
    ("open", "g", "a.txt", "r"),
    ("read", "g"),
    ("read", "g"),
    ("readline", "g"),
    ("close", "g"),
    ("open", "g", "a.txt", "rt"),
    ("readline", "g"),
    ("readlines", "g"),
    ("readlines", "g"),
    ("write", "g", "x"),
    ("close", "g"),
    ("open", "w", "a.txt", "a"),
    ("write", "w", "more\n"),
    ("read", "w"),
    ("readline", "w"),
    ("readlines", "w"),
    ("close", "w"),
    ("disk", "a.txt"),
    # errors
    ("open", "e", "missing.txt", "r"),
    ("mkdir", "sub"),
    ("open", "e", "sub", "r"),
    ("open", "e", "sub", "w"),
    ("open", "e", "sub", "a"),
    ("open", "e", "nodir/f.txt", "w"),
    ("open", "e", "a.txt/b", "r"),
    ("open", "e", "a.txt", "q"),
    ("open", "e", "a.txt", "rw"),
    ("open", "e", "a.txt", "+"),
    ("open", "e", "a.txt", "rr"),
    ("open", "e", "a.txt", ""),
    ("open", "e", "a.txt", "r++"),
    ("open", "e", "a.txt", "tb"),
    ("open", "e", "a.txt", "rU"),
    ("open", "e", "a.txt", "x"),
    ("open", "e", "", "r"),
    ("open", "e", "it's \u00e9.txt", "r"),
    ("open", "e", "new.txt", "x"),
    ("write", "e", "created"),
    ("read", "e"),
    ("close", "e"),
    ("disk", "new.txt"),
    ("open", "e", "new.txt", "xt"),
    # newline translation
    ("rawfile", "nl.txt", b"a\r\nb\rc\n\r\nd\r".hex()),
    ("open", "n", "nl.txt", "r"),
    ("readlines", "n"),
    ("close", "n"),
    ("open", "n", "nl.txt", "r"),
    ("read", "n"),
    ("close", "n"),
    ("open", "n", "nl.txt", "r"),
    ("readline", "n"),
    ("readline", "n"),
    ("read", "n"),
    ("close", "n"),
    ("rawfile", "cr.txt", CHUNK_CR.hex()),
    ("open", "n", "cr.txt", "r"),
    ("readline", "n"),
    ("readline", "n"),
    ("readline", "n"),
    ("readline", "n"),
    ("readline", "n"),
    ("close", "n"),
    ("open", "n", "cr.txt", "r"),
    ("readline", "n"),
    ("read", "n"),
    ("close", "n"),
    # invalid UTF-8
    ("rawfile", "bad.txt", b"ok\n\xff\n".hex()),
    ("open", "b", "bad.txt", "r"),
    ("readline", "b"),
    ("close", "b"),
    ("open", "b", "bad.txt", "r"),
    ("read", "b"),
    ("close", "b"),
    ("rawfile", "trunc.txt", b"abc\xe2\x82".hex()),
    ("open", "b", "trunc.txt", "r"),
    ("read", "b"),
    ("close", "b"),
    ("open", "b", "trunc.txt", "r"),
    ("readline", "b"),
    ("close", "b"),
    ("rawfile", "cont.txt", b"a\xe2\x82xyz\n".hex()),
    ("open", "b", "cont.txt", "r"),
    ("readlines", "b"),
    ("close", "b"),
    # read + write modes
    ("rawfile", "rp.txt", b"line1\nline2\nline3\n".hex()),
    ("open", "p", "rp.txt", "r+"),
    ("readline", "p"),
    ("write", "p", "X"),
    ("readline", "p"),
    ("close", "p"),
    ("disk", "rp.txt"),
    ("open", "p", "rp.txt", "r+"),
    ("write", "p", "ABC"),
    ("readline", "p"),
    ("write", "p", "Q\n"),
    ("read", "p"),
    ("close", "p"),
    ("disk", "rp.txt"),
    ("open", "p", "wp.txt", "w+"),
    ("write", "p", "hi\nthere\n"),
    ("read", "p"),
    ("write", "p", "again"),
    ("close", "p"),
    ("disk", "wp.txt"),
    ("open", "p", "wp.txt", "a+"),
    ("read", "p"),
    ("write", "p", "z\n"),
    ("readline", "p"),
    ("close", "p"),
    ("disk", "wp.txt"),
    ("open", "p", "wp.txt", "w"),
    ("close", "p"),
    ("disk", "wp.txt"),
    # large files: many chunks, multi-byte characters across chunk boundaries
    ("open", "L", "big.txt", "w"),
    ("writerep", "L", BIG_LINE, "700"),
    ("close", "L"),
    ("disk", "big.txt"),
    ("open", "L", "big.txt", "r"),
    ("readline", "L"),
    ("readlines", "L"),
    ("close", "L"),
    ("open", "L", "big.txt", "r"),
    ("read", "L"),
    ("close", "L"),
    ("open", "L", "big.txt", "r+"),
    ("readline", "L"),
    ("readline", "L"),
    ("write", "L", "<inserted>"),
    ("close", "L"),
    ("disk", "big.txt"),
    ("rawrep", "rep.txt", b"0123456789abcdef\r\n".hex(), "2000"),
    ("open", "R", "rep.txt", "r"),
    ("readlines", "R"),
    ("close", "R"),
    ("open", "R", "rep.txt", "a"),
    ("writerep", "R", "tail\n", "5000"),
    ("close", "R"),
    ("disk", "rep.txt"),
]


def gen():
    out = []
    handles = {}
    with tempfile.TemporaryDirectory() as d:
        os.chdir(d)
        for op in SCRIPT:
            kind = op[0]
            if kind == "rawfile":
                with open(op[1], "wb") as fh:
                    fh.write(bytes.fromhex(op[2]))
                out.append(line(kind, esc(op[1]), op[2]))
                continue
            if kind == "rawrep":
                with open(op[1], "wb") as fh:
                    fh.write(bytes.fromhex(op[2]) * int(op[3]))
                out.append(line(kind, esc(op[1]), op[2], op[3]))
                continue
            if kind == "mkdir":
                os.mkdir(op[1])
                out.append(line(kind, esc(op[1])))
                continue
            if kind == "disk":
                with open(op[1], "rb") as fh:
                    data = fh.read()
                out.append(line(kind, esc(op[1]), summ_bytes(data)))
                continue
            h = op[1]
            f = handles.get(h)
            if kind == "open":
                def do_open(name=op[2], mode=op[3], h=h):
                    handles[h] = open(name, mode, encoding="utf-8")
                    return "ok"
                res = run(do_open, lambda v: "=" + v)
                out.append(line(kind, h, esc(op[2]), esc(op[3]), res))
            elif kind == "write":
                out.append(line(kind, h, esc(op[2]), run(lambda: f.write(op[2]), lambda n: "=%d" % n)))
            elif kind == "writerep":
                def rep(f=f, text=op[2], n=int(op[3])):
                    return sum(f.write(text) for _ in range(n))
                out.append(line(kind, h, esc(op[2]), op[3], run(rep, lambda n: "=%d" % n)))
            elif kind == "read":
                out.append(line(kind, h, run(f.read, summ_text)))
            elif kind == "readline":
                out.append(line(kind, h, run(f.readline, summ_text)))
            elif kind == "readlines":
                out.append(line(kind, h, run(lambda: repr(f.readlines()), summ_text)))
            elif kind == "flush":
                out.append(line(kind, h, run(lambda: repr(f.flush()), lambda v: "=" + v)))
            elif kind == "close":
                out.append(line(kind, h, run(lambda: repr(f.close()), lambda v: "=" + v)))
            else:
                raise ValueError(kind)
        for f in handles.values():
            f.close()
        os.chdir("/")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    gen()

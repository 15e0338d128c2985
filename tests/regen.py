#!/usr/bin/env python3
"""Regenerate the CPython expectations of kiln's differential programs.

    python3 tests/regen.py                  regenerate every tests/programs/**/*.py
    python3 tests/regen.py arith fstrings   only programs whose path contains one of the filters
    python3 tests/regen.py --check          compare instead of writing; exit 1 if anything is stale

For each program `tests/programs/<category>/<name>.py` this runs CPython from the workspace root
as `python3 -m kiln <program>` (with `python/` on PYTHONPATH, UTF-8 I/O, stdin from /dev/null) and
writes beside it -- the `kiln` runner (python/kiln/__main__.py) blanks `@par` decorator lines, which
CPython cannot parse, and is otherwise transparent, so parallel loops run sequentially:

    <name>.out          CPython's exact stdout (bytes)
    <name>.exit         the exit status as text, e.g. "0" or "1"
    <name>.stderr_tail  only when the exit status is not 0: the last non-empty line of stderr,
                        i.e. the exception line "ZeroDivisionError: integer division or modulo by zero".
                        kiln's last stderr line must start with it (DESIGN.md: the last line of an
                        uncaught exception report is CPython's).

Expectations are only ever produced by running CPython -- never edit them by hand. They were
generated with CPython 3.11; error messages differ slightly between versions (for example
`1 % 0`), so regenerate with 3.11. `cargo test -p kiln-tests --test differential` re-runs CPython
the same way to check that the stored files are current. Programs under tests/kiln_only/ are
NOT handled here: their expectations are written by hand.
"""

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "tests", "programs")
TIMEOUT_S = 120
EXPECTED_VERSION = (3, 11)


def python_env():
    env = dict(os.environ)
    py = os.path.join(ROOT, "python")
    env["PYTHONPATH"] = py + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONUTF8"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONHASHSEED"] = "0"
    return env


def is_program_module(path):
    """A module of a multi-file program: a directory at or above it holds the program's main.py."""
    d = os.path.dirname(path)
    while os.path.commonpath([d, PROGRAMS]) == PROGRAMS and d != PROGRAMS:
        main = os.path.join(d, "main.py")
        if os.path.isfile(main) and main != path:
            return True
        d = os.path.dirname(d)
    return False


def find_programs(filters):
    found = []
    for dirpath, dirnames, filenames in os.walk(PROGRAMS):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(".py") and not is_program_module(os.path.join(dirpath, name)):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, ROOT).replace(os.sep, "/")
                if not filters or any(f in rel for f in filters):
                    found.append(rel)
    return found


def last_nonempty_line(data):
    lines = [line.strip() for line in data.decode("utf-8", "replace").splitlines()]
    lines = [line for line in lines if line]
    return lines[-1] if lines else ""


def run_cpython(rel):
    """Run one program; return a dict of expectation file suffix -> bytes (None: must not exist)."""
    proc = subprocess.run(
        [sys.executable, "-m", "kiln", rel],
        cwd=ROOT,
        env=python_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=TIMEOUT_S,
    )
    files = {
        ".out": proc.stdout,
        ".exit": ("%d\n" % proc.returncode).encode(),
        ".stderr_tail": None,
    }
    if proc.returncode != 0:
        files[".stderr_tail"] = (last_nonempty_line(proc.stderr) + "\n").encode()
    return files


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def main(argv):
    check = "--check" in argv
    filters = [a for a in argv if not a.startswith("--")]
    if sys.version_info[:2] != EXPECTED_VERSION:
        print(
            "warning: expectations were generated with CPython %d.%d, this is %d.%d"
            % (EXPECTED_VERSION + sys.version_info[:2]),
            file=sys.stderr,
        )
    programs = find_programs(filters)
    if not programs:
        print("no programs match", filters, file=sys.stderr)
        return 1
    changed = []
    failed_exit = 0
    for rel in programs:
        base = os.path.join(ROOT, rel[: -len(".py")])
        try:
            files = run_cpython(rel)
        except subprocess.TimeoutExpired:
            print("TIMEOUT", rel, file=sys.stderr)
            changed.append((rel, ["timeout"]))
            continue
        if files[".exit"] != b"0\n":
            failed_exit += 1
        for suffix, content in files.items():
            path = base + suffix
            old = read(path)
            if old == content:
                continue
            if not changed or changed[-1][0] != rel:
                changed.append((rel, []))
            changed[-1][1].append(suffix)
            if check:
                continue
            if content is None:
                os.remove(path)
            else:
                with open(path, "wb") as f:
                    f.write(content)
    # expectation files whose program is gone
    orphans = []
    for dirpath, _, filenames in os.walk(PROGRAMS):
        for name in filenames:
            stem, ext = os.path.splitext(name)
            if ext in (".out", ".exit", ".stderr_tail") and not os.path.exists(
                os.path.join(dirpath, stem + ".py")
            ):
                orphans.append(os.path.relpath(os.path.join(dirpath, name), ROOT))
    verb = "stale" if check else "updated"
    print(
        "%d programs (%d exit non-zero), %d with %s expectations"
        % (len(programs), failed_exit, len(changed), verb)
    )
    for rel, suffixes in changed:
        print("  %s: %s (%s)" % (verb, rel, " ".join(suffixes)))
    for o in orphans:
        print("  orphan (no .py beside it): " + o)
    return 1 if check and (changed or orphans) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Run a kiln program under CPython.

    python3 -m kiln PROGRAM.py [ARGS...]

kiln accepts Codon's decorator spelling of a parallel loop::

    @par(schedule="dynamic")
    for i in range(n):
        ...

which CPython cannot parse. This runner reads PROGRAM.py, replaces every ``@par`` /
``@par(...)`` (or ``@kiln.par...``) decorator line that directly precedes a ``for`` line at the
same indentation by an empty line -- a decorator spanning several lines while its parentheses
are open becomes as many empty lines -- and runs the result as ``__main__`` under the real file
name. Line numbers are unchanged, so a traceback names the same lines as kiln's; the loop runs
sequentially, which is the meaning kiln's parallel loop must reproduce.

It also provides kiln's GPU spellings (docs/gpu.md): ``import gpu`` gives ``kiln.gpu``, the
reference implementation of the ``gpu`` kernel module (the runner registers it in
``sys.modules`` as ``gpu``), and ``float32`` is a builtin (``kiln.gpu.float32``).
``@par(gpu=True)`` is blanked like any other ``@par`` decorator, so that loop runs sequentially
too.

Otherwise the runner is transparent: ``sys.argv`` is ``[PROGRAM.py, ARGS...]``, ``sys.path[0]``
is the program's directory, ``__file__`` is its absolute path, an uncaught exception prints the
program's traceback (without the runner's frames, nor those of the ``kiln`` package: a failing
kernel launch shows the launching line, then the kernel's line) and exits with status 1,
``sys.exit`` works as usual, and the recursion limit counts only the program's frames. The
source is scanned with the ``tokenize`` module, so ``@par`` inside a string or comment is never
touched.
"""

import builtins
import io
import os
import sys
import tokenize
import types

USAGE = "usage: python3 -m kiln PROGRAM.py [ARGS...]"

_SKIP = (tokenize.NL, tokenize.COMMENT)


def _par_decorator_end(toks, i):
    """If toks[i] (an '@' at the start of a logical line) begins a par decorator directly above
    a `for` at the same column, return the row of the decorator's last line, else None."""
    at = toks[i]
    j = i + 1
    n = len(toks)

    def is_name(k, value):
        return k < n and toks[k].type == tokenize.NAME and toks[k].string == value

    def is_op(k, value):
        return k < n and toks[k].type == tokenize.OP and toks[k].string == value

    if is_name(j, "par"):
        j += 1
    elif is_name(j, "kiln") and is_op(j + 1, ".") and is_name(j + 2, "par"):
        j += 3
    else:
        return None
    if is_op(j, "("):
        depth = 0
        while j < n:
            t = toks[j]
            if t.type == tokenize.OP and t.string in "([{":
                depth += 1
            elif t.type == tokenize.OP and t.string in ")]}":
                depth -= 1
                if depth == 0:
                    break
            elif t.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
                return None
            j += 1
        else:
            return None
        j += 1
    while j < n and toks[j].type == tokenize.COMMENT:
        j += 1
    if j >= n or toks[j].type != tokenize.NEWLINE:
        return None
    end_row = toks[j].start[0]
    j += 1
    while j < n and toks[j].type in _SKIP:
        j += 1
    # an INDENT or DEDENT here would mean the `for` is not at the decorator's indentation
    if not is_name(j, "for") or toks[j].start[1] != at.start[1]:
        return None
    return end_row


def strip_par_decorators(source):
    """`source` with each par decorator line above a `for` replaced by an empty line (the line
    ending is kept, so every other line keeps its number). Source that does not tokenize is
    returned unchanged: compiling it then reports CPython's own SyntaxError."""
    if "par" not in source:
        return source
    lines = io.StringIO(source, newline="").readlines()
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(source, newline="").readline))
    except (tokenize.TokenError, SyntaxError):
        return source
    line_start = True
    changed = False
    for i, tok in enumerate(toks):
        if tok.type in (tokenize.NEWLINE, tokenize.NL, tokenize.INDENT, tokenize.DEDENT):
            line_start = True
            continue
        if tok.type == tokenize.COMMENT:
            continue
        if line_start and tok.type == tokenize.OP and tok.string == "@":
            end_row = _par_decorator_end(toks, i)
            if end_row is not None:
                for row in range(tok.start[0], end_row + 1):
                    line = lines[row - 1]
                    lines[row - 1] = line[len(line.rstrip("\r\n")):]
                changed = True
        line_start = False
    return "".join(lines) if changed else source


def _read_source(data):
    """Decode a program's bytes as CPython would (coding cookie, BOM); None if that fails."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return None


_PROBE = compile(
    "def _probe(n):\n"
    "    try:\n"
    "        return _probe(n + 1)\n"
    "    except RecursionError:\n"
    "        return n\n"
    "_headroom = _probe(0)\n"
    "if _done is not None:\n"
    "    _done.release()\n",
    "<kiln recursion probe>",
    "exec",
)


def _script_headroom():
    """How deep a function can recurse from a module frame with nothing below it -- a script's
    module frame: the probe runs by exec() in a fresh thread."""
    import _thread

    done = _thread.allocate_lock()
    done.acquire()
    ns = {"_done": done}
    _thread.start_new_thread(exec, (_PROBE, ns))
    if not done.acquire(timeout=30):
        raise RuntimeError("the recursion probe did not finish")
    # Up to 3.11 the thread's call of exec() (PyObject_Call) takes one unit of the recursion
    # limit that a script's module frame does not (checked on 3.8 to 3.13).
    return ns["_headroom"] + (1 if sys.version_info < (3, 12) else 0)


def _install_gpu():
    """``import gpu`` gives ``kiln.gpu``; ``float32`` is a builtin."""
    from kiln import gpu

    sys.modules["gpu"] = gpu
    builtins.float32 = gpu.float32


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))


def _is_kiln_frame(frame, program):
    name = frame.f_code.co_filename
    if name == program or name.startswith("<"):
        return False
    return os.path.dirname(os.path.abspath(name)) == _PACKAGE_DIR


def _without_kiln_frames(tb, program):
    """Traceback ``tb`` without the entries of frames in the kiln package's own files (the gpu
    reference's launch machinery, ``par``'s checks); the program's entries are kept in order."""
    kept = []
    dropped = False
    t = tb
    while t is not None:
        if _is_kiln_frame(t.tb_frame, program):
            dropped = True
        else:
            kept.append(t)
        t = t.tb_next
    if not dropped:
        return tb
    new = None
    for t in reversed(kept):
        new = types.TracebackType(new, t.tb_frame, t.tb_lasti, t.tb_lineno)
    return new


def _strip_chained(exc, program):
    """The same for the exceptions chained to ``exc`` (``__cause__``, ``__context__``)."""
    seen = {id(exc)}
    todo = [exc.__cause__, exc.__context__]
    while todo:
        e = todo.pop()
        if e is None or id(e) in seen:
            continue
        seen.add(id(e))
        e.__traceback__ = _without_kiln_frames(e.__traceback__, program)
        todo += [e.__cause__, e.__context__]


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE, file=sys.stdout if argv else sys.stderr)
        return 0 if argv else 2
    path = argv[0]
    filename = os.path.abspath(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        print("python3 -m kiln: can't open file %r: [Errno %s] %s" % (filename, e.errno, e.strerror),
              file=sys.stderr)
        return 2

    source = _read_source(data)
    try:
        if source is None:
            code = compile(data, filename, "exec", dont_inherit=True)  # raises CPython's error
        else:
            code = compile(strip_par_decorators(source), filename, "exec", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        sys.excepthook(type(e), e.with_traceback(None), None)
        return 1

    module = types.ModuleType("__main__")
    module.__file__ = filename
    module.__cached__ = None
    module.__annotations__ = {}
    module.__builtins__ = builtins
    sys.modules["__main__"] = module
    sys.argv = argv
    if sys.path:
        sys.path[0] = os.path.dirname(os.path.realpath(path))
    # The runner's own frames (and runpy's) count towards the recursion limit; raise it by that
    # much, so that the program hits RecursionError at the depth `python3 PROGRAM.py` would.
    try:
        here = {"_done": None}
        exec(_PROBE, here)  # from this frame, as the program's exec below
        extra = _script_headroom() - here["_headroom"]
        if extra > 0:
            sys.setrecursionlimit(sys.getrecursionlimit() + extra)
    except Exception:  # no threads on this platform: keep the limit
        pass
    _install_gpu()
    try:
        exec(code, module.__dict__)
    except (SystemExit, KeyboardInterrupt):
        raise
    except BaseException:
        etype, value, tb = sys.exc_info()
        tb = tb.tb_next  # the program's frames, without this runner's
        tb = _without_kiln_frames(tb, filename)
        _strip_chained(value, filename)
        sys.excepthook(etype, value.with_traceback(tb), tb)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

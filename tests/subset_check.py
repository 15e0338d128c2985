#!/usr/bin/env python3
"""Check that test programs stay inside the language subset of the current kiln milestone.

    python3 tests/subset_check.py                 every tests/programs/**/*.py, tests/kiln_only,
                                                  tests/ir, examples/ and benches/
    python3 tests/subset_check.py FILE_OR_DIR...  only those (they must lie in one of those
                                                  directories: the checker runs the programs)

A helper for people writing test programs (CPython cannot tell that a program would not compile
in kiln). Two passes:

1. Static (ast): flags syntax and builtins outside the subset -- dict/set/tuple values,
   comprehensions, lambda, try, with, class, yield, slicing, `in`/`is` outside `for`, method calls
   other than list.append, builtins kiln does not provide, imports other than math/time.
2. Dynamic (sys.settrace under CPython): flags a variable whose type changes within one function
   instance (e.g. int then float), a function instance (one per tuple of argument types) whose
   returns have different types, and lists with mixed element types. Tracing stops after a
   budget of line events, so long-running loops are only partly observed.
3. Overflow: runs the program again with every int operation checked, and flags the first result
   (intermediate ones included) outside the 64-bit range -- CPython would silently use a big int
   where kiln raises OverflowError -- and int literals above 2**63 - 1.

kiln_only programs are checked statically only (they overflow or recurse deeper than CPython
allows). Exit status 1 when anything is flagged.
"""

import ast
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "python"))
from kiln.__main__ import strip_par_decorators  # noqa: E402  (kiln's `@par` lines are not Python)


def read_program(path):
    """A program's source as CPython runs it (`@par` decorator lines blanked)."""
    with open(path, encoding="utf-8") as f:
        return strip_par_decorators(f.read())
# Keep in step with docs/language.md and frontend/src/lower/call.rs (BUILTINS).
ALLOWED_BUILTINS = {"print", "len", "str", "int", "float", "bool", "abs", "min", "max", "range", "repr", "format"}
ALLOWED_MODULES = {"math", "time", "kiln"}
MATH_NAMES = {"sqrt", "floor", "ceil", "sin", "cos", "tan", "exp", "log", "pow", "fabs", "pi", "e",
              "inf", "nan", "isnan", "isinf", "hypot", "atan2"}
TIME_NAMES = {"time", "perf_counter"}
EXCEPTIONS = {"ValueError", "RuntimeError", "TypeError", "ZeroDivisionError", "IndexError",
              "AssertionError", "OverflowError", "KeyError", "ArithmeticError", "Exception"}
LINE_BUDGET = 100_000


class Static(ast.NodeVisitor):
    def __init__(self, path):
        self.path = path
        self.problems = []
        self.functions = set()

    def flag(self, node, msg):
        self.problems.append("%s:%d: %s" % (self.path, getattr(node, "lineno", 0), msg))

    def visit_Module(self, node):
        for n in ast.walk(node):
            if isinstance(n, ast.FunctionDef):
                self.functions.add(n.name)
        self.generic_visit(node)

    def visit_Dict(self, node):
        self.flag(node, "dict literal")

    def visit_Set(self, node):
        self.flag(node, "set literal")

    def visit_Lambda(self, node):
        self.flag(node, "lambda")

    def visit_ListComp(self, node):
        self.flag(node, "comprehension")

    visit_SetComp = visit_DictComp = visit_GeneratorExp = visit_ListComp

    def visit_ClassDef(self, node):
        self.flag(node, "class")

    def visit_Try(self, node):
        self.flag(node, "try")

    def visit_With(self, node):
        self.flag(node, "with")

    def visit_Yield(self, node):
        self.flag(node, "yield")

    visit_YieldFrom = visit_Await = visit_Yield

    def visit_Slice(self, node):
        self.flag(node, "slicing")

    def visit_NamedExpr(self, node):
        self.flag(node, "walrus")

    def visit_Delete(self, node):
        self.flag(node, "del")

    def visit_Starred(self, node):
        self.flag(node, "star expression")

    def visit_Assign(self, node):
        # tuples are allowed only as `a, b = x, y` with the same length on both sides
        if isinstance(node.value, ast.Tuple):
            ok = len(node.targets) == 1 and isinstance(node.targets[0], ast.Tuple) and len(
                node.targets[0].elts) == len(node.value.elts)
            if not ok:
                self.flag(node, "tuple value")
            for e in node.value.elts:
                self.visit(e)
            for t in node.targets:
                if isinstance(t, ast.Tuple):
                    for e in t.elts:
                        self.visit(e)
                else:
                    self.visit(t)
            return
        for t in node.targets:
            if isinstance(t, ast.Tuple):
                self.flag(node, "tuple unpacking of a non-tuple value")
        self.generic_visit(node)

    def visit_Tuple(self, node):
        self.flag(node, "tuple value")

    def visit_Compare(self, node):
        for op in node.ops:
            if isinstance(op, (ast.In, ast.NotIn, ast.Is, ast.IsNot)):
                self.flag(node, "operator " + type(op).__name__)
        self.generic_visit(node)

    def visit_Import(self, node):
        for a in node.names:
            if a.name not in ALLOWED_MODULES or a.asname:
                self.flag(node, "import " + a.name)

    def visit_ImportFrom(self, node):
        if node.module == "kiln" and all(a.name == "par" and not a.asname for a in node.names):
            self.functions.add("par")
            return
        self.flag(node, "from-import")

    def visit_Attribute(self, node):
        if isinstance(node.value, ast.Name) and node.value.id == "math":
            if node.attr not in MATH_NAMES:
                self.flag(node, "math." + node.attr)
        elif isinstance(node.value, ast.Name) and node.value.id == "time":
            if node.attr not in TIME_NAMES:
                self.flag(node, "time." + node.attr)
        self.generic_visit(node)

    def visit_Raise(self, node):
        exc = node.exc
        if isinstance(exc, ast.Call) and isinstance(exc.func, ast.Name) and exc.func.id in EXCEPTIONS:
            if len(exc.args) > 1 or exc.keywords:
                self.flag(node, "raise with more than one argument")
            for a in exc.args:
                self.visit(a)
            return
        self.flag(node, "raise of something other than a builtin exception call")

    def visit_Call(self, node):
        f = node.func
        if isinstance(f, ast.Name):
            if f.id not in ALLOWED_BUILTINS and f.id not in self.functions:
                self.flag(node, "call of " + f.id)
            if f.id == "print":
                for k in node.keywords:
                    if k.arg not in ("sep", "end"):
                        self.flag(node, "print keyword " + str(k.arg))
        elif isinstance(f, ast.Attribute):
            if isinstance(f.value, ast.Name) and f.value.id in ALLOWED_MODULES:
                pass
            elif f.attr != "append":
                self.flag(node, "method call ." + f.attr)
        else:
            self.flag(node, "call of a computed callee")
        self.generic_visit(node)

    def visit_JoinedStr(self, node):
        for v in node.values:
            if isinstance(v, ast.FormattedValue) and v.conversion != -1:
                self.flag(node, "f-string conversion !" + chr(v.conversion))
        self.generic_visit(node)


def type_name(v, problems, where):
    t = type(v)
    if t is list:
        elems = v if len(v) <= 64 else v[:8] + v[-8:]
        names = set()
        for e in elems:
            names.add(type_name(e, problems, where))
        if len(names) > 1:
            problems.add("%s: list with mixed element types %s" % (where, sorted(names)))
        if not names:
            return "list[?]"
        if any(n.startswith("list") for n in names):
            problems.add("%s: nested list" % where)
        return "list[" + sorted(names)[0] + "]"
    if t in (int, float, bool, str, type(None)):
        return t.__name__
    return None  # modules, functions and other things that are not values of the subset


def unify(a, b):
    if a == b:
        return a
    if a == "list[?]" and b.startswith("list["):
        return b
    if b == "list[?]" and a.startswith("list["):
        return a
    return None


def dynamic_check(path):
    problems = set()
    abspath = os.path.abspath(path)
    var_types = {}   # (instance key, name) -> type
    ret_types = {}   # instance key -> type
    instance = {}    # id(frame) -> instance key
    budget = [LINE_BUDGET]
    reported = set()
    unwinding = set()  # frames left by an exception: their "return None" is not a return

    def key_of(frame):
        k = instance.get(id(frame))
        if k is None:
            code = frame.f_code
            if code.co_name == "<module>":
                k = ("<module>",)
            else:
                args = []
                for n in code.co_varnames[: code.co_argcount]:
                    args.append(type_name(frame.f_locals.get(n), problems, path))
                k = (code.co_name, code.co_firstlineno) + tuple(args)
            instance[id(frame)] = k
        return k

    def observe(frame):
        k = key_of(frame)
        where = "%s:%d" % (path, frame.f_lineno)
        items = frame.f_globals.items() if k == ("<module>",) else frame.f_locals.items()
        for name, v in list(items):
            if name.startswith("__"):
                continue
            tn = type_name(v, problems, where)
            if tn is None:
                continue
            old = var_types.get((k, name))
            if old is None:
                var_types[(k, name)] = tn
            else:
                u = unify(old, tn)
                if u is None:
                    if (k, name) not in reported:
                        reported.add((k, name))
                        problems.add("%s: variable %s changes type %s -> %s in %s" % (where, name, old, tn, k[0]))
                else:
                    var_types[(k, name)] = u

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != abspath:
            return None
        if budget[0] <= 0:
            return None
        if event == "line":
            budget[0] -= 1
            observe(frame)
        elif event == "exception":
            unwinding.add(id(frame))
        elif event == "return":
            observe(frame)
            k = key_of(frame)
            if id(frame) in unwinding:
                unwinding.discard(id(frame))
            else:
                tn = type_name(arg, problems, path)
                if tn is not None and k != ("<module>",):
                    old = ret_types.get(k)
                    if old is None:
                        ret_types[k] = tn
                    elif unify(old, tn) is None:
                        problems.add("%s: function %s returns both %s and %s" % (path, k[0], old, tn))
            instance.pop(id(frame), None)
        return tracer

    import io
    old_stdout = sys.stdout
    sys.stdout = io.StringIO()
    old_limit = sys.getrecursionlimit()
    sys.settrace(tracer)
    try:
        code = compile(read_program(abspath), abspath, "exec")
        exec(code, {"__name__": "__main__", "__file__": abspath})
    except BaseException:  # error-exit programs are expected to raise
        pass
    finally:
        sys.settrace(None)
        sys.stdout = old_stdout
        sys.setrecursionlimit(old_limit)
    return sorted(problems)


# Only files under these directories are checked: the dynamic pass *runs* each file, so it must
# never be pointed at arbitrary scripts.
PROGRAM_DIRS = ("tests/programs", "tests/kiln_only", "tests/ir", "tests/errors", "examples",
                "benches")


def allowed(path):
    rel = os.path.relpath(os.path.abspath(path), ROOT).replace(os.sep, "/")
    return any(rel == d or rel.startswith(d + "/") for d in PROGRAM_DIRS)


INT_MIN = -(1 << 63)
INT_MAX = (1 << 63) - 1


class KilnOverflow(Exception):
    pass


_BINOPS = {
    "Add": lambda a, b: a + b, "Sub": lambda a, b: a - b, "Mult": lambda a, b: a * b,
    "FloorDiv": lambda a, b: a // b, "Mod": lambda a, b: a % b, "Pow": lambda a, b: a ** b,
    "LShift": lambda a, b: a << b, "RShift": lambda a, b: a >> b, "BitAnd": lambda a, b: a & b,
    "BitOr": lambda a, b: a | b, "BitXor": lambda a, b: a ^ b, "Div": lambda a, b: a / b,
}


def _kiln_binop(op, line, a, b):
    r = _BINOPS[op](a, b)
    if type(r) is int and not INT_MIN <= r <= INT_MAX:
        raise KilnOverflow("line %d: int %s result %d does not fit in 64 bits" % (line, op, r))
    return r


def _kiln_neg(line, a):
    r = -a
    if type(r) is int and not INT_MIN <= r <= INT_MAX:
        raise KilnOverflow("line %d: int negation result %d does not fit in 64 bits" % (line, r))
    return r


class CheckedArith(ast.NodeTransformer):
    """Rewrite int arithmetic into calls that raise KilnOverflow where kiln's 64-bit ints would
    overflow (CPython silently switches to big ints)."""

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if type(node.op).__name__ not in _BINOPS:
            return node
        call = ast.Call(ast.Name("_kiln_binop", ast.Load()),
                        [ast.Constant(type(node.op).__name__), ast.Constant(node.lineno),
                         node.left, node.right], [])
        return ast.copy_location(call, node)

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        if not isinstance(node.op, ast.USub) or isinstance(node.operand, ast.Constant):
            return node
        call = ast.Call(ast.Name("_kiln_neg", ast.Load()),
                        [ast.Constant(node.lineno), node.operand], [])
        return ast.copy_location(call, node)

    def visit_AugAssign(self, node):
        self.generic_visit(node)
        if type(node.op).__name__ not in _BINOPS:
            return node
        load = ast.parse(ast.unparse(node.target), mode="eval").body
        value = ast.Call(ast.Name("_kiln_binop", ast.Load()),
                         [ast.Constant(type(node.op).__name__), ast.Constant(node.lineno), load,
                          node.value], [])
        return ast.copy_location(ast.Assign([node.target], value), node)


def overflow_check(path):
    """Run the program with checked int arithmetic; report the first 64-bit overflow."""
    import io
    tree = ast.parse(read_program(path), path)
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and type(node.value) is int and node.value > INT_MAX:
            problems.append("%s:%d: int literal %d does not fit in 64 bits" % (path, node.lineno, node.value))
    tree = ast.fix_missing_locations(CheckedArith().visit(tree))
    code = compile(tree, path, "exec")
    env = {"__name__": "__main__", "__file__": path, "_kiln_binop": _kiln_binop, "_kiln_neg": _kiln_neg}
    old_stdout = sys.stdout
    sys.stdout = io.StringIO()
    try:
        exec(code, env)
    except KilnOverflow as e:
        problems.append("%s: %s (kiln raises OverflowError here, CPython does not)" % (path, e))
    except BaseException:  # error-exit programs are expected to raise
        pass
    finally:
        sys.stdout = old_stdout
    return problems


def collect(args):
    if not args:
        args = [os.path.join(ROOT, d) for d in PROGRAM_DIRS if d != "tests/errors"]
    files = []
    for a in args:
        a = os.path.abspath(a)
        if not allowed(a):
            print("skipping %s: not under %s" % (a, ", ".join(PROGRAM_DIRS)), file=sys.stderr)
            continue
        if not os.path.exists(a):
            continue
        if os.path.isdir(a):
            for dirpath, dirnames, filenames in os.walk(a):
                dirnames.sort()
                files += [os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py")
                          and not (f == "run.py" and dirpath.endswith("benches"))]
        else:
            files.append(a)
    return files


def main(argv):
    total = 0
    flagged = 0
    for path in collect(argv):
        rel = os.path.relpath(path, ROOT)
        src = read_program(path)
        s = Static(rel)
        s.visit(ast.parse(src, path))
        problems = list(s.problems)
        if not any(rel.startswith(d) for d in ("tests/kiln_only", "tests/errors", "benches")):
            problems += dynamic_check(rel)
            problems += overflow_check(rel)
        total += 1
        if problems:
            flagged += 1
            for p in problems:
                print(p)
    print("subset_check: %d files, %d flagged" % (total, flagged))
    return 1 if flagged else 0


if __name__ == "__main__":
    paths = [os.path.abspath(a) for a in sys.argv[1:]]
    os.chdir(ROOT)
    sys.argv = sys.argv[:1]
    sys.exit(main(paths))

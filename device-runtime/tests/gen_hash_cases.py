#!/usr/bin/env python3
"""Generate the hashing / set / dict test data from CPython 3.11 with PYTHONHASHSEED=0
(the script re-runs itself with it when it is not set):

    python3 device-runtime/tests/gen_hash_cases.py hash > device-runtime/tests/data/hash_cases.txt
    python3 device-runtime/tests/gen_hash_cases.py set  > device-runtime/tests/data/set_cases.txt
    python3 device-runtime/tests/gen_hash_cases.py dict > device-runtime/tests/data/dict_cases.txt

hash_cases.txt: `int<TAB>N<TAB>HASH`, `float<TAB>BITS<TAB>HASH`, `str<TAB>TEXT<TAB>HASH`,
`tuple<TAB>H1 H2 ...<TAB>HASH` (the element hashes, any element types; NaN excluded: CPython
3.11 hashes it by identity).

set_cases.txt / dict_cases.txt: scripts of operations on a few set variables `A`..`D` and
dict variables `a`..`d`, each followed by what CPython observed (`list(s)`, `list(d.items())`,
popped keys, booleans). A script starts with `case<TAB>KIND<TAB>NAME`; KIND is the key type:
`int` (decimal), `float` (bits), `str` (escaped text) or `tup` (a tuple of two ints, `a,b`).
The operations and their fields are documented in `tests/hash_cases.rs`, which runs them.
`range` builds from `key(i) for i in range(n)` (see `key_of_index`) and `digest` summarises
a big container's order (see `digest`).
"""
import os
import random
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casefmt import esc, fbits, from_bits, line  # noqa: E402

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"
assert hash("a") == 4644417185603328019, "hash randomisation must be off"

M64 = (1 << 64) - 1


def out(*fields):
    print(line(*fields))


# ---------------------------------------------------------------------------------------
# hash()
# ---------------------------------------------------------------------------------------

ALPHABETS = [
    "abcxyz019 _-",
    "".join(map(chr, range(0x20, 0x7F))),
    "aé\xa0\xffÿü\x80",
    "aéĀ€世界\u0800\uffff\ufffd",
    "a€😀\U0001F600\U00010000\U0010FFFF𝕏",
]


def rand_str(rng):
    alpha = rng.choice(ALPHABETS)
    n = rng.choice([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 23, 24, 25, 31, 33, 40, 100])
    return "".join(rng.choice(alpha) for _ in range(n))


def gen_hash():
    rng = random.Random(20240611)
    P = (1 << 61) - 1
    ints = [0, 1, -1, -2, 2, P, -P, P - 1, P + 1, 2 * P, -(2 * P), 2**63 - 1, -(2**63), -(2**63) + 1,
            2**61, 2**62, -(2**61), 10**18]
    for _ in range(400):
        b = rng.randrange(1, 64)
        v = rng.getrandbits(b)
        ints.append(v if rng.random() < 0.5 else -v)
    for v in ints:
        out("int", str(v), str(hash(v)))

    floats = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 1e308, -1e308, 5e-324, -5e-324, 2.2250738585072014e-308,
              float("inf"), float("-inf"), 2.0**61, 2.0**62, 2.0**63, 2.0**-1074, 1e-300, 0.1, 3.141592653589793,
              2.0**52 + 0.5, 123456789.125, -2.0**63]
    for _ in range(300):
        x = from_bits(rng.getrandbits(64))
        if x == x and x not in (float("inf"), float("-inf")):
            floats.append(x)
    for _ in range(100):
        floats.append(rng.randrange(-10**6, 10**6) / rng.choice([1, 2, 4, 8, 10, 3, 1024]))
    for x in floats:
        out("float", fbits(x), str(hash(x)))

    strs = ["", "a", "é", "ab", "abcdefgh", "abcdefghi", "\x00", "\x00\x00", "ÿ", "Ā", "€", "😀", "a\U0010FFFF"]
    for _ in range(500):
        strs.append(rand_str(rng))
    for s in strs:
        out("str", esc(s), str(hash(s)))

    def rand_elem(depth):
        r = rng.random()
        if r < 0.35:
            return rng.choice([0, 1, -1, -2, 2**61 - 1, rng.getrandbits(40) - 2**39])
        if r < 0.55:
            return rand_str(rng)
        if r < 0.7:
            return rng.choice([0.5, -0.0, 1.0, 1e100, float("inf")])
        if r < 0.8:
            return rng.choice([True, False])
        if depth < 2:
            return tuple(rand_elem(depth + 1) for _ in range(rng.randrange(0, 4)))
        return 7

    tuples = [(), (1,), (1, 2), (-1,), (-2,), ((),), (1, (2, 3))]
    for _ in range(300):
        tuples.append(tuple(rand_elem(0) for _ in range(rng.randrange(0, 6))))
    for t in tuples:
        out("tuple", " ".join(str(hash(e)) for e in t), str(hash(t)))


# ---------------------------------------------------------------------------------------
# set / dict scripts
# ---------------------------------------------------------------------------------------


def key_of_index(kind, i):
    """The i-th key of `range` operations (tests/hash_cases.rs has the same function)."""
    if kind == "int":
        return i
    if kind == "float":
        return i * 0.5
    if kind == "str":
        return "k%d" % i
    return (i, i % 7)


def enc(kind, k):
    if kind == "int":
        return str(k)
    if kind == "float":
        return fbits(k)
    if kind == "str":
        return esc(k)
    return "%d,%d" % k


def key_hash(k):
    return hash(k) & M64


def digest(items):
    """Order-sensitive summary of a sequence of hashes (tests/hash_cases.rs has the same)."""
    h = 0xCBF29CE484222325
    for x in items:
        h = ((h ^ x) * 0x100000001B3) & M64
    return str(h)


def key_pool(kind, rng):
    if kind == "int":
        P = (1 << 61) - 1
        pool = list(range(-3, 40)) + [8 * i for i in range(20)] + [32 * i for i in range(20)]
        pool += [1024 * i for i in range(10)] + [P, 2 * P, P + 5, -P, 2**62, 2**63 - 1, -(2**63)]
        pool += [rng.getrandbits(62) for _ in range(20)]
        return pool
    if kind == "float":
        pool = [i * 0.5 for i in range(-4, 40)] + [-0.0, 0.0, float("inf"), float("-inf"), 1e300, 5e-324]
        pool += [8.0 * i for i in range(20)] + [rng.random() * 100 for _ in range(20)]
        return pool
    if kind == "str":
        pool = ["", "a", "b", "é", "€", "😀"] + ["k%d" % i for i in range(30)]
        pool += [rand_str(rng) for _ in range(40)]
        return pool
    pool = [(a, b) for a in range(-2, 6) for b in range(-2, 6)]
    pool += [(8 * i, 0) for i in range(10)] + [(2**61 - 1, 0), (0, 2**61 - 1)]
    return pool


SETS = "ABCD"
DICTS = "abcd"


class SetScript:
    def __init__(self, kind, name, rng):
        self.kind, self.rng = kind, rng
        self.pool = key_pool(kind, rng)
        self.v = {n: set() for n in SETS}
        out("case", kind, name)
        for n in SETS:
            out("empty", n)

    def k(self, key):
        return enc(self.kind, key)

    def show(self, n):
        s = self.v[n]
        if len(s) > 64:
            out("digest", n, str(len(s)), digest(key_hash(k) for k in s))
        else:
            out("list", n, *[self.k(k) for k in s])

    def rand_keys(self, lo, hi):
        return [self.rng.choice(self.pool) for _ in range(self.rng.randrange(lo, hi))]

    def new(self, n, keys):
        self.v[n] = set(keys)
        out("new", n, *[self.k(k) for k in keys])
        self.show(n)

    def range(self, n, count):
        self.v[n] = set(key_of_index(self.kind, i) for i in range(count))
        out("range", n, str(count))
        self.show(n)

    def step(self):
        rng = self.rng
        a, b, c = rng.choice(SETS), rng.choice(SETS), rng.choice(SETS)
        op = rng.choices(
            ["new", "add", "discard", "contains", "pop", "clear", "copy", "or", "and", "sub", "xor", "ior", "iand",
             "isub", "ixor", "le", "eq", "disjoint"],
            [4, 12, 8, 3, 5, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1])[0]
        s = self.v[a]
        if op == "new":
            self.new(a, self.rand_keys(0, 30))
        elif op == "add":
            for k in self.rand_keys(1, 6):
                s.add(k)
                out("add", a, self.k(k))
            self.show(a)
        elif op == "discard":
            for _ in range(rng.randrange(1, 6)):
                k = rng.choice(list(s)) if s and rng.random() < 0.7 else rng.choice(self.pool)
                found = k in s
                s.discard(k)
                out("discard", a, self.k(k), str(int(found)))
            self.show(a)
        elif op == "contains":
            k = rng.choice(self.pool)
            out("contains", a, self.k(k), str(int(k in s)))
        elif op == "pop":
            for _ in range(rng.randrange(1, 4)):
                if s:
                    out("pop", a, self.k(s.pop()))
                else:
                    out("pop", a, "!")
            self.show(a)
        elif op == "clear":
            s.clear()
            out("clear", a)
            self.show(a)
        elif op == "copy":
            self.v[b] = s.copy()
            out("copy", a, b)
            self.show(b)
        elif op in ("or", "and", "sub", "xor"):
            x, y = self.v[a], self.v[b]
            self.v[c] = {"or": x | y, "and": x & y, "sub": x - y, "xor": x ^ y}[op]
            out(op, a, b, c)
            self.show(c)
        elif op in ("ior", "iand", "isub", "ixor"):
            y = self.v[b]
            if op == "ior":
                s |= y
            elif op == "iand":
                s &= y
            elif op == "isub":
                s -= y
            else:
                s ^= y
            out(op, a, b)
            self.show(a)
        elif op == "le":
            out("le", a, b, str(int(self.v[a] <= self.v[b])))
        elif op == "eq":
            out("eq", a, b, str(int(self.v[a] == self.v[b])))
        else:
            out("disjoint", a, b, str(int(self.v[a].isdisjoint(self.v[b]))))


def set_scenarios():
    rng = random.Random(7)
    kinds = ["int", "float", "str", "tup"]
    for kind in kinds:
        # Growth: every size up to 80, keys in order and shuffled.
        sc = SetScript(kind, "growth", rng)
        for n in list(range(0, 24)) + [30, 40, 50, 64, 80]:
            sc.range("A", n)
        for n in [5, 13, 21, 40]:
            keys = [key_of_index(kind, i) for i in range(n)]
            rng.shuffle(keys)
            sc.new("B", keys)
        # Pop everything, then pop from a cleared set (the finger survives clear()).
        sc = SetScript(kind, "pop-finger", rng)
        sc.range("A", 20)
        for _ in range(20):
            out("pop", "A", sc.k(sc.v["A"].pop()))
        out("pop", "A", "!")
        sc.show("A")
        sc.range("A", 12)
        out("pop", "A", sc.k(sc.v["A"].pop()))
        out("pop", "A", sc.k(sc.v["A"].pop()))
        sc.v["A"].clear()
        out("clear", "A")
        for i in range(6):
            k = key_of_index(kind, i)
            sc.v["A"].add(k)
            out("add", "A", sc.k(k))
        sc.show("A")
        for _ in range(3):
            out("pop", "A", sc.k(sc.v["A"].pop()))
        sc.show("A")
        # Dummies reused and purged: add/discard churn.
        sc = SetScript(kind, "churn", rng)
        sc.range("A", 40)
        for i in range(0, 200):
            k = key_of_index(kind, i)
            if i % 3:
                found = k in sc.v["A"]
                sc.v["A"].discard(k)
                out("discard", "A", sc.k(k), str(int(found)))
            k2 = key_of_index(kind, i + 40)
            sc.v["A"].add(k2)
            out("add", "A", sc.k(k2))
            if i % 20 == 0:
                sc.show("A")
        sc.show("A")
        # Operators between sets of very different sizes (the size-ratio shortcuts).
        sc = SetScript(kind, "ratios", rng)
        for big, small in [(100, 3), (100, 20), (40, 39), (300, 30), (9, 100)]:
            sc.range("A", big)
            sc.new("B", [key_of_index(kind, i * 3) for i in range(small)])
            for op in ["or", "and", "sub", "xor"]:
                for x, y in [("A", "B"), ("B", "A"), ("A", "A")]:
                    r = {"or": sc.v[x] | sc.v[y], "and": sc.v[x] & sc.v[y], "sub": sc.v[x] - sc.v[y],
                         "xor": sc.v[x] ^ sc.v[y]}[op]
                    sc.v["C"] = r
                    out(op, x, y, "C")
                    sc.show("C")
            for op in ["ior", "iand", "isub", "ixor"]:
                for x, y in [("A", "B"), ("B", "A"), ("B", "B")]:
                    sc.v["D"] = sc.v[x].copy()
                    out("copy", x, "D")
                    d, o = sc.v["D"], sc.v[y] if y != x else sc.v["D"]
                    yy = y if y != x else "D"
                    if op == "ior":
                        d |= o
                    elif op == "iand":
                        d &= o
                    elif op == "isub":
                        d -= o
                    else:
                        d ^= o
                    out(op, "D", yy)
                    sc.show("D")
            out("le", "B", "A", str(int(sc.v["B"] <= sc.v["A"])))
            out("disjoint", "A", "B", str(int(sc.v["A"].isdisjoint(sc.v["B"]))))
        # Random scripts.
        for r in range(12):
            sc = SetScript(kind, "random-%d" % r, rng)
            for _ in range(rng.randrange(40, 120)):
                sc.step()
    # Set displays of constants: CPython 3.11 folds them into a frozenset constant (rebuilt
    # by the constant merger), which `{...}` with >= 3 elements copies (BUILD_SET +
    # SET_UPDATE) and `for x in {...}` iterates directly. The constant is rebuilt once more
    # when a name-like str element (2+ ASCII alnum/_ chars) was already interned when the
    # code object is created (see `kiln_rt_set_const_frozen`). The source is really compiled
    # here, in both interning states: fresh strings (never seen before), or pool strings
    # interned beforehand.
    uniq = [0]

    def name_like(k):
        return isinstance(k, str) and len(k) >= 2 and k.isascii() and all(c.isalnum() or c == "_" for c in k)

    def model(keys, interned, display):
        f = frozenset(keys)
        for _ in range(1 + interned):
            f = frozenset(list(f))
        if not display:
            return list(f)
        if len(keys) < 3:
            return list(set(keys))
        s = set()
        s.update(f)
        return list(s)

    held = []
    for kind in kinds:
        sc = SetScript(kind, "const-displays", rng)
        pool = [k for k in sc.pool if not (isinstance(k, float) and k in (float("inf"), float("-inf")))]
        if kind == "str":
            held += [sys.intern(k) for k in pool]
        for r in range(120):
            for op in ["display", "constiter"]:
                keys = [rng.choice(pool) for _ in range(rng.randrange(1, 16))]
                if r % 4 == 0:
                    keys = [key_of_index(kind, rng.randrange(0, 200)) for _ in range(rng.randrange(3, 30))]
                interned = 0
                if kind == "str":
                    # "" and 1-char name-like strs are singletons whose interning state
                    # depends on CPython's startup (e.g. 'b' and '_' are interned by
                    # deep-frozen stdlib modules, as separate objects): left out.
                    keys = [k for k in keys if len(k) >= 2 or not (k == "" or k.isascii() and (k.isalnum() or k == "_"))]
                    keys = keys or ["k0", "k1"]
                    if r % 2 == 0:
                        # Fresh strings: nothing of this display was interned before.
                        uniq[0] += 1
                        keys = [k + "_u%d" % uniq[0] if name_like(k) else k for k in keys]
                    else:
                        held.extend(sys.intern(k) for k in keys)
                        interned = int(any(name_like(k) for k in keys))
                src = "{" + ", ".join(map(repr, keys)) + "}"
                got = list(eval(src)) if op == "display" else eval("[x for x in " + src + "]")
                assert got == model(keys, interned, op == "display"), (op, keys, interned)
                out(op, "B", str(interned), *[sc.k(k) for k in keys])
                out("list", "B", *[sc.k(k) for k in got])
    # Large sets (100k keys), as digests.
    for kind in ["int", "str"]:
        sc = SetScript(kind, "large", rng)
        sc.range("A", 100000)
        A = sc.v["A"]
        for i in range(0, 100000, 2):
            A.discard(key_of_index(kind, i))
        out("discard_range", "A", "0", "100000", "2")
        sc.show("A")
        sc.range("B", 30000)
        for op in ["or", "and", "sub", "xor"]:
            sc.v["C"] = {"or": A | sc.v["B"], "and": A & sc.v["B"], "sub": A - sc.v["B"], "xor": A ^ sc.v["B"]}[op]
            out(op, "A", "B", "C")
            sc.show("C")
        for _ in range(5):
            out("pop", "A", sc.k(A.pop()))
        sc.show("A")


class DictScript:
    def __init__(self, kind, name, rng):
        self.kind, self.rng = kind, rng
        self.pool = key_pool(kind, rng)
        self.v = {n: {} for n in DICTS}
        self.counter = 0
        out("case", kind, name)
        for n in DICTS:
            out("dnew", n)

    def k(self, key):
        return enc(self.kind, key)

    def val(self):
        self.counter += 1
        return self.counter

    def show(self, n):
        d = self.v[n]
        if len(d) > 64:
            out("ddigest", n, str(len(d)), digest(x for k, v in d.items() for x in (key_hash(k), v & M64)))
        else:
            out("ditems", n, *[f for k, v in d.items() for f in (self.k(k), str(v))])

    def range(self, n, count):
        self.v[n] = {key_of_index(self.kind, i): i for i in range(count)}
        out("drange", n, str(count))
        self.show(n)

    def step(self):
        rng = self.rng
        a, b = rng.choice(DICTS), rng.choice(DICTS)
        d = self.v[a]
        op = rng.choices(["set", "del", "pop", "popitem", "setdefault", "get", "update", "copy", "clear", "eq"],
                         [14, 6, 4, 4, 3, 3, 2, 2, 1, 2])[0]
        if op == "set":
            for _ in range(rng.randrange(1, 8)):
                k, v = rng.choice(self.pool), self.val()
                d[k] = v
                out("dset", a, self.k(k), str(v))
        elif op == "del":
            for _ in range(rng.randrange(1, 4)):
                k = rng.choice(list(d)) if d and rng.random() < 0.7 else rng.choice(self.pool)
                found = k in d
                d.pop(k, None)
                out("ddel", a, self.k(k), str(int(found)))
        elif op == "pop":
            k = rng.choice(list(d)) if d and rng.random() < 0.7 else rng.choice(self.pool)
            out("dpop", a, self.k(k), str(d.pop(k)) if k in d else "!")
        elif op == "popitem":
            for _ in range(rng.randrange(1, 4)):
                if d:
                    k, v = d.popitem()
                    out("dpopitem", a, self.k(k), str(v))
                else:
                    out("dpopitem", a, "!")
        elif op == "setdefault":
            k, v = rng.choice(self.pool), self.val()
            out("dsetdefault", a, self.k(k), str(v), str(d.setdefault(k, v)))
        elif op == "get":
            k = rng.choice(self.pool)
            out("dget", a, self.k(k), str(d[k]) if k in d else "!")
            return
        elif op == "update":
            d.update(self.v[b])
            out("dupdate", a, b)
        elif op == "copy":
            self.v[b] = d.copy()
            out("dcopy", a, b)
            a = b
        elif op == "clear":
            d.clear()
            out("dclear", a)
        else:
            out("deq", a, b, str(int(d == self.v[b])))
            return
        self.show(a)


def dict_scenarios():
    rng = random.Random(11)
    for kind in ["int", "float", "str", "tup"]:
        sc = DictScript(kind, "basics", rng)
        sc.range("a", 10)
        d = sc.v["a"]
        # Re-insert after delete goes last; assignment to a present key keeps its place.
        for i in [3, 0, 9]:
            k = key_of_index(kind, i)
            del d[k]
            out("ddel", "a", sc.k(k), "1")
        for i in [0, 5, 3]:
            k = key_of_index(kind, i)
            d[k] = 100 + i
            out("dset", "a", sc.k(k), str(100 + i))
        sc.show("a")
        # popitem takes the last, then insertion continues after it.
        for _ in range(3):
            k, v = d.popitem()
            out("dpopitem", "a", sc.k(k), str(v))
        k = key_of_index(kind, 50)
        d[k] = 50
        out("dset", "a", sc.k(k), "50")
        sc.show("a")
        # update keeps positions of present keys, appends the others in order.
        sc.range("b", 14)
        d.update(sc.v["b"])
        out("dupdate", "a", "b")
        sc.show("a")
        # Churn: many deletes and inserts (holes, rebuilds).
        sc = DictScript(kind, "churn", rng)
        sc.range("a", 30)
        d = sc.v["a"]
        for i in range(300):
            k = key_of_index(kind, i)
            if k in d:
                del d[k]
                out("ddel", "a", sc.k(k), "1")
            k2 = key_of_index(kind, i + 30)
            d[k2] = i
            out("dset", "a", sc.k(k2), str(i))
            if i % 25 == 0:
                sc.show("a")
        sc.show("a")
        for r in range(10):
            sc = DictScript(kind, "random-%d" % r, rng)
            for _ in range(rng.randrange(40, 120)):
                sc.step()
    sc = DictScript("str", "large", rng)
    sc.range("a", 100000)
    d = sc.v["a"]
    for i in range(0, 100000, 3):
        del d[key_of_index("str", i)]
    out("ddel_range", "a", "0", "100000", "3")
    sc.show("a")
    for i in range(0, 100000, 6):
        d[key_of_index("str", i)] = -i
    out("dset_range", "a", "0", "100000", "6")
    sc.show("a")
    sc.v["b"] = d.copy()
    out("dcopy", "a", "b")
    sc.show("b")


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "hash":
        gen_hash()
    elif mode == "set":
        set_scenarios()
    elif mode == "dict":
        dict_scenarios()
    else:
        sys.exit("usage: gen_hash_cases.py hash|set|dict")


if __name__ == "__main__":
    main()

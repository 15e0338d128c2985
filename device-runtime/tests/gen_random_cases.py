#!/usr/bin/env python3
"""Generate the test data of `random.rs` from CPython 3.11's `random` module:

    python3 device-runtime/tests/gen_random_cases.py > device-runtime/tests/data/random_cases.txt

One generator, seeded and then driven through a long interleaved sequence of calls; the
Rust test replays every line in order on kiln's generator and compares. Lines
(`casefmt.py` fields):

    seed        N
    random                              =BITS
    getrandbits K                       =V
    randbelow   N                       =V
    randrange   START STOP STEP NARGS   =V      (NARGS 1: randrange(START), 2, 3)
    randint     A B                     =V
    uniform     A B                     =BITS   (float arguments as bits)
    gauss       MU SIGMA                =BITS
    normalvariate MU SIGMA              =BITS
    expovariate LAMBD                   =BITS
    triangular  LOW HIGH MODE HAS_MODE  =BITS
    shuffle     N                       =V,V,...  (shuffle(list(range(N))))
    choice      N                       =INDEX    (choice(range(N)))
    sample      N K                     =V,V,...  (sample(range(N), K))

Errors are `!Name: message`. getrandbits beyond 63 bits is kiln's OverflowError (no
numbers drawn), so the script never asks for it.
"""
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casefmt import esc, exc_text, fbits, line  # noqa: E402

I64_MIN, I64_MAX = -2**63, 2**63 - 1
SEEDS = [0, 1, 42, 2**40 + 7, -5, 2**63 - 1, -2**63, 123456789, 2**32, 2**32 - 1]


def res(f, kind="i"):
    try:
        r = f()
    except Exception as e:  # noqa: BLE001
        return esc(exc_text(e))
    if kind == "f":
        return "=" + fbits(r)
    if kind == "l":
        return "=" + ",".join(str(v) for v in r)
    return "=%d" % r


class Script:
    def __init__(self):
        self.g = random.Random()
        self.out = []

    def seed(self, n):
        self.g.seed(n)
        self.out.append(line("seed", str(n)))

    def random(self):
        self.out.append(line("random", res(self.g.random, "f")))

    def getrandbits(self, k):
        self.out.append(line("getrandbits", str(k), res(lambda: self.g.getrandbits(k))))

    def randbelow(self, n):
        self.out.append(line("randbelow", str(n), res(lambda: self.g._randbelow(n))))

    def randrange(self, *args):
        a = list(args) + [0] * (3 - len(args))
        self.out.append(line("randrange", str(a[0]), str(a[1]), str(a[2]), str(len(args)),
                             res(lambda: self.g.randrange(*args))))

    def randint(self, a, b):
        self.out.append(line("randint", str(a), str(b), res(lambda: self.g.randint(a, b))))

    def uniform(self, a, b):
        self.out.append(line("uniform", fbits(a), fbits(b), res(lambda: self.g.uniform(a, b), "f")))

    def gauss(self, mu, sigma):
        self.out.append(line("gauss", fbits(mu), fbits(sigma), res(lambda: self.g.gauss(mu, sigma), "f")))

    def normalvariate(self, mu, sigma):
        self.out.append(line("normalvariate", fbits(mu), fbits(sigma),
                             res(lambda: self.g.normalvariate(mu, sigma), "f")))

    def expovariate(self, lambd):
        self.out.append(line("expovariate", fbits(lambd), res(lambda: self.g.expovariate(lambd), "f")))

    def triangular(self, low, high, mode):
        has = mode is not None
        self.out.append(line("triangular", fbits(low), fbits(high), fbits(mode if has else 0.0),
                             str(int(has)), res(lambda: self.g.triangular(low, high, mode), "f")))

    def shuffle(self, n):
        def f():
            xs = list(range(n))
            self.g.shuffle(xs)
            return xs
        self.out.append(line("shuffle", str(n), res(f, "l")))

    def choice(self, n):
        self.out.append(line("choice", str(n), res(lambda: self.g.choice(range(n)))))

    def sample(self, n, k):
        self.out.append(line("sample", str(n), str(k), res(lambda: self.g.sample(range(n), k), "l")))


def fixed(s, seed):
    """The brief's interleaving, plus error cases and boundaries."""
    s.seed(seed)
    s.gauss(0.0, 1.0)
    s.random()
    s.shuffle(20)
    s.sample(100, 10)
    s.sample(30, 25)
    s.randrange(0, 100, 7)
    s.randrange(100, 0, -3)
    s.randrange(-50, 50, 5)
    s.randint(1, 6)
    s.gauss(10.0, 2.0)      # the cached second value
    s.gauss(10.0, 2.0)
    s.gauss(0.0, 1.0)       # sets gauss_next ...
    s.seed(seed)            # ... which seeding resets
    s.gauss(0.0, 1.0)
    for k in [0, 1, 5, 31, 32, 33, 48, 63, -1]:
        s.getrandbits(k)
    for args in [(0,), (-3,), (1,), (10,), (I64_MAX,), (5, 5), (5, 1), (5, 6), (1, 10, 0),
                 (10, 1, 2), (10, 1, -2), (0, 10, 3), (0, -10, -3), (I64_MIN, I64_MAX),
                 (I64_MIN, I64_MAX, 3), (I64_MAX, I64_MIN, -7), (0, 1, 1), (7, 8, 100),
                 (I64_MIN, I64_MAX, I64_MAX), (3, 3, 1), (3, 4, 1)]:
        s.randrange(*args)
    for a, b in [(0, 0), (5, 3), (-10, 10), (I64_MIN, I64_MAX), (I64_MAX, I64_MAX), (I64_MIN, I64_MIN),
                 (0, 2**32), (0, 2**32 - 1), (0, 2**32 + 1)]:
        s.randint(a, b)
    for n in [1, 2, 3, 2**31, 2**32, 2**32 + 1, 2**53 + 1, I64_MAX]:
        s.randbelow(n)
    s.expovariate(0.0)
    s.expovariate(1.5)
    s.expovariate(-2.0)
    s.triangular(0.0, 1.0, None)
    s.triangular(0.0, 10.0, 3.0)
    s.triangular(5.0, 5.0, 5.0)
    s.triangular(0.0, 10.0, -3.0)
    s.triangular(10.0, 0.0, 2.0)
    s.normalvariate(0.0, 1.0)
    s.normalvariate(100.0, 15.0)
    s.uniform(-1.0, 1.0)
    s.uniform(5.0, 2.0)
    s.choice(0)
    s.choice(1)
    s.choice(10)
    for n, k in [(0, 0), (5, 0), (5, 5), (5, 6), (5, -1), (10, 6), (100, 100), (1000, 5), (1000, 6),
                 (1000, 100), (10**6, 50), (60, 20), (2**20, 1000), (26, 6), (27, 6), (87, 22), (88, 22)]:
        s.sample(n, k)
    for n in [0, 1, 2, 3, 100, 1000]:
        s.shuffle(n)


def interleaved(s, rng, count):
    floats = [0.0, 1.0, -1.0, 0.5, 2.5, 1e-3, 1e6, -7.25]
    for _ in range(count):
        op = rng.randrange(15)
        if op == 0:
            s.random()
        elif op == 1:
            s.getrandbits(rng.randint(0, 63))
        elif op == 2:
            s.randbelow(rng.choice([rng.randint(1, 100), rng.randint(1, I64_MAX), 2 ** rng.randint(0, 62)]))
        elif op == 3:
            a = rng.randint(-1000, 1000)
            b = a + rng.randint(-5, 2000)
            step = rng.choice([1, 2, 3, -1, -2, 7, 0, 1000])
            s.randrange(*rng.choice([(b,), (a, b), (a, b, step)]))
        elif op == 4:
            a = rng.randint(-10**12, 10**12)
            s.randint(a, a + rng.randint(-1, 10**rng.randint(0, 12)))
        elif op == 5:
            s.uniform(rng.choice(floats), rng.choice(floats))
        elif op == 6:
            s.gauss(rng.choice(floats), abs(rng.choice(floats)))
        elif op == 7:
            s.normalvariate(rng.choice(floats), abs(rng.choice(floats)))
        elif op == 8:
            s.expovariate(rng.choice([0.5, 1.0, 2.0, 10.0, -1.0]))
        elif op == 9:
            s.triangular(rng.choice(floats), rng.choice(floats), rng.choice([None, 0.25, 3.0]))
        elif op == 10:
            s.shuffle(rng.randint(0, 60))
        elif op == 11:
            s.choice(rng.randint(1, 500))
        elif op == 12:
            n = rng.choice([rng.randint(0, 50), rng.randint(0, 5000), 10**rng.randint(1, 6)])
            s.sample(n, rng.randint(0, min(n, 120)))
        elif op == 13:
            s.gauss(0.0, 1.0)
        else:
            s.getrandbits(rng.choice([32, 33, 53, 63]))


def gen():
    s = Script()
    rng = random.Random(777)
    for seed in SEEDS:
        fixed(s, seed)
        interleaved(s, rng, 300)
    # Reseeding in the middle of a run, and a long run past several state refills.
    s.seed(99)
    for _ in range(1500):
        s.random()
    s.seed(99)
    s.random()
    interleaved(s, rng, 600)
    sys.stdout.write("\n".join(s.out) + "\n")


if __name__ == "__main__":
    assert math.isfinite(1.0)
    gen()

#!/usr/bin/env python3
"""Generate the test data of `numbers.rs` (round, 3-argument pow, math.fsum, factorial,
gcd, lcm, comb, perm, isqrt, isclose, trunc, copysign, erf, erfc, gamma, lgamma, fmod,
modf, frexp, ldexp) from CPython 3.11:

    python3 device-runtime/tests/gen_numbers_cases.py > device-runtime/tests/data/numbers_cases.txt

Line format: `OP<TAB>ARG...<TAB>RESULT` (see casefmt.py): float arguments as bits, int
arguments in decimal, an `fsum` list as comma-separated bits; a float result `=BITS`, an
int `=N`, a pair `=A,B`, an error `!Name: message`. An int result beyond 64 bits is kiln's
OverflowError instead.
"""
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casefmt import esc, exc_text, fbits, from_bits, line  # noqa: E402

I64_MIN, I64_MAX = -2**63, 2**63 - 1
INT_OVERFLOW = "!OverflowError: integer overflow: result does not fit in 64 bits"
F = fbits


def result(f, kind):
    try:
        r = f()
    except Exception as e:  # noqa: BLE001
        return esc(exc_text(e))
    if kind == "f":
        return "=" + F(r)
    if kind == "i":
        return "=%d" % r if I64_MIN <= r <= I64_MAX else INT_OVERFLOW
    if kind == "b":
        return "=%d" % int(r)
    if kind == "ff":
        return "=%s,%s" % (F(r[0]), F(r[1]))
    if kind == "fi":
        return "=%s,%d" % (F(r[0]), r[1])
    raise ValueError(kind)


SPECIAL = [
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, 2.5, -2.5, 3.5, 0.125, 0.375, 2.675, 1.005, 0.1,
    0.25, 1e-300, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
    -1.7976931348623157e308, math.inf, -math.inf, math.nan, 1e16, 1e22, 1e23, 2.0**52 + 0.5,
    2.0**53, 2.0**63, -2.0**63, 9.223372036854775e18, 4.5, 5.5, -0.49999999999999994,
    0.49999999999999994, 123456.789, 1234.5678, 0.045, 1e300, 12345678901234567890.0,
]

INTS = [0, 1, -1, 2, -2, 5, 15, 25, -25, 35, 150, 250, 1234, 9999, 10**18, 5 * 10**18,
        I64_MAX, I64_MIN, I64_MIN + 1, 4 * 10**18, -9 * 10**18, 123456789012345678,
        9_500_000_000_000_000_000 - 2**63 + 1]


def rand_float(rng):
    k = rng.random()
    if k < 0.25:
        while True:
            x = from_bits(rng.getrandbits(64))
            if not math.isnan(x):
                return x
    if k < 0.45:
        return rng.uniform(-10, 10) * 10.0 ** rng.randint(-30, 30)
    if k < 0.65:
        return rng.uniform(-1000, 1000)
    if k < 0.85:
        # Decimal-looking values and exact halfway points.
        return rng.randint(-10**6, 10**6) / 10 ** rng.randint(0, 6)
    return (rng.randint(-10**5, 10**5) + 0.5) / 2 ** rng.randint(0, 12)


def rand_int(rng):
    k = rng.random()
    if k < 0.3:
        return rng.randint(I64_MIN, I64_MAX)
    if k < 0.6:
        return rng.randint(-10**6, 10**6)
    return rng.randint(-1000, 1000) * 10 ** rng.randint(0, 15) + rng.choice([0, 0, 5, -5, 50])


def gen():
    rng = random.Random(20240611)
    out = []

    # round(x, n)
    nds = list(range(-25, 30)) + [-400, -309, -308, -307, 100, 300, 308, 322, 323, 324, 1000,
                                  I64_MAX, I64_MIN]
    for x in SPECIAL:
        for n in nds:
            out.append(line("round_f", F(x), str(n), result(lambda: round(x, n), "f")))
    for _ in range(5000):
        x = rand_float(rng)
        n = rng.choice([rng.randint(-5, 25), rng.randint(-320, 330)])
        out.append(line("round_f", F(x), str(n), result(lambda: round(x, n), "f")))
    # round(x)
    for x in SPECIAL:
        out.append(line("round_i", F(x), result(lambda: round(x), "i")))
    for _ in range(1500):
        x = rand_float(rng)
        out.append(line("round_i", F(x), result(lambda: round(x), "i")))
    # round(i, n)
    for i in INTS:
        for n in list(range(-21, 3)) + [-100, -1000]:
            out.append(line("round_int", str(i), str(n), result(lambda: round(i, n), "i")))
    for _ in range(1500):
        i, n = rand_int(rng), rng.randint(-20, 2)
        out.append(line("round_int", str(i), str(n), result(lambda: round(i, n), "i")))

    # pow(b, e, m)
    small = [0, 1, -1, 2, -2, 3, 7, -7, 10, 12, 97, I64_MAX, I64_MIN, 2**32 + 15]
    for b in small:
        for e in [0, 1, 2, -1, -2, 5, 100, I64_MAX, I64_MIN]:
            for m in [0, 1, -1, 2, 7, -7, 12, 97, -97, 10**9 + 7, I64_MAX, I64_MIN]:
                out.append(line("powmod", str(b), str(e), str(m), result(lambda: pow(b, e, m), "i")))
    for _ in range(1500):
        b, e, m = rand_int(rng), rng.choice([rand_int(rng), rng.randint(-5, 50)]), rand_int(rng)
        out.append(line("powmod", str(b), str(e), str(m), result(lambda: pow(b, e, m), "i")))

    # math.fsum
    lists = [[], [0.0], [-0.0], [-0.0, -0.0], [1e-16, 1.0, 1e16], [0.1] * 10, [1e308, 1e308],
             [1e308, -1e308, 1e308], [math.inf, 1.0], [math.inf, -math.inf], [math.nan, 1.0],
             [math.inf, math.inf], [1e308, 1e308, math.inf], [math.inf, 1e308, 1e308],
             [2.0**53, 1.0, 1e-300], [1.0, -2.0**-53, 2.0**-106],
             [5e-324, 5e-324, -5e-324], [1.7976931348623157e308, -1.0, 9.979201547673598e291]]
    for _ in range(600):
        n = rng.randint(0, 60)
        kind = rng.random()
        if kind < 0.4:
            xs = [rng.uniform(-1, 1) * 10.0 ** rng.randint(-20, 20) for _ in range(n)]
        elif kind < 0.7:
            xs = [rand_float(rng) for _ in range(n)]
        else:
            base = [rng.uniform(-1e10, 1e10) for _ in range(n // 2)]
            xs = base + [-v * (1 + rng.choice([0, 1e-16, -1e-16])) for v in base]
            rng.shuffle(xs)
        lists.append(xs)
    for xs in lists:
        out.append(line("fsum", ",".join(F(v) for v in xs), result(lambda: math.fsum(xs), "f")))

    # integer functions
    # Results CPython computes as huge ints (slowly) are kiln's OverflowError: n! for
    # n > 20, perm(n, k) for n >= k > 20 (>= k!), comb(n, k) for min(k, n - k) > 63
    # (>= 2**min(k, n - k)).
    for n in list(range(-3, 25)) + [100, I64_MAX, I64_MIN]:
        res = INT_OVERFLOW if n > 20 else result(lambda: math.factorial(n), "i")
        out.append(line("factorial", str(n), res))
    pairs = [(a, b) for a in INTS[:12] + [12, 18, -18, 7] for b in INTS[:12] + [12, 18, -18, 7]]
    pairs += [(rand_int(rng), rand_int(rng)) for _ in range(600)]
    pairs += [(rng.randint(1, 10**6) * 6, rng.randint(1, 10**6) * 4) for _ in range(200)]
    for a, b in pairs:
        out.append(line("gcd", str(a), str(b), result(lambda: math.gcd(a, b), "i")))
        out.append(line("lcm", str(a), str(b), result(lambda: math.lcm(a, b), "i")))
    nk = [(n, k) for n in [-1, 0, 1, 2, 5, 10, 20, 21, 30, 60, 62, 63, 64, 66, 67, 68, 100, 1000,
                           10**6, 2**32, I64_MAX]
          for k in [-1, 0, 1, 2, 3, 5, 10, 19, 20, 21, 30, 33, 34, 60, 67, 100, 999, 10**6 - 2]]
    nk += [(rng.randint(0, 200), rng.randint(0, 200)) for _ in range(500)]
    nk += [(I64_MAX, I64_MAX - 1), (I64_MAX, I64_MAX), (I64_MIN, 0), (0, I64_MIN)]
    for n, k in nk:
        if n >= 0 and k >= 0 and min(k, n - k) > 63:
            res = INT_OVERFLOW
        else:
            res = result(lambda: math.comb(n, k), "i")
        out.append(line("comb", str(n), str(k), res))
        if n >= k > 20:
            res = INT_OVERFLOW
        else:
            res = result(lambda: math.perm(n, k), "i")
        out.append(line("perm", str(n), str(k), res))
    for n in [-1, 0, 1, 2, 3, 4, 15, 16, 17, 2**62, I64_MAX, 3037000499**2, 3037000499**2 - 1,
              I64_MIN] + [rng.randint(0, I64_MAX) for _ in range(300)]:
        out.append(line("isqrt", str(n), result(lambda: math.isqrt(n), "i")))

    # float functions
    fl = SPECIAL + [rand_float(rng) for _ in range(500)]
    fl += [rng.uniform(-30, 30) for _ in range(400)] + [rng.uniform(150, 180) for _ in range(50)]
    fl += [float(n) for n in range(-5, 30)] + [-200.5, 171.6, 171.7, -171.5, 1e-20, 1e-21, -1e-21,
                                               1e-320, 143.0, 140.5, 200.0, 200.5, -200.25]
    for x in fl:
        out.append(line("erf", F(x), result(lambda: math.erf(x), "f")))
        out.append(line("erfc", F(x), result(lambda: math.erfc(x), "f")))
        out.append(line("gamma", F(x), result(lambda: math.gamma(x), "f")))
        out.append(line("lgamma", F(x), result(lambda: math.lgamma(x), "f")))
        out.append(line("trunc", F(x), result(lambda: math.trunc(x), "i")))
        out.append(line("modf", F(x), result(lambda: math.modf(x), "ff")))
        out.append(line("frexp", F(x), result(lambda: math.frexp(x), "fi")))
    two = [(a, b) for a in SPECIAL[:26] for b in SPECIAL[:26]]
    two += [(rand_float(rng), rand_float(rng)) for _ in range(500)]
    for a, b in two:
        out.append(line("fmod", F(a), F(b), result(lambda: math.fmod(a, b), "f")))
        out.append(line("copysign", F(a), F(b), result(lambda: math.copysign(a, b), "f")))
        for rt, at in rng.sample([(1e-09, 0.0), (0.1, 0.0), (0.0, 1e-3), (-1.0, 0.0), (0.0, -1.0),
                                  (1e-12, 1e-300)], 2):
            out.append(line("isclose", F(a), F(b), F(rt), F(at),
                            result(lambda: math.isclose(a, b, rel_tol=rt, abs_tol=at), "b")))
    exps = [0, 1, -1, 52, -1074, -1075, -1022, 1023, 1024, 2000, -2000, 2**31, -2**31 - 1,
            I64_MAX, I64_MIN]
    for x in fl[:200]:
        for i in exps + [rng.randint(-1100, 1100)]:
            out.append(line("ldexp", F(x), str(i), result(lambda: math.ldexp(x, i), "f")))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    gen()

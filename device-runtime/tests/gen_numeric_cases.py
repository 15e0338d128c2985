#!/usr/bin/env python3
"""Generate the numeric test data from CPython 3.11:

    python3 device-runtime/tests/gen_numeric_cases.py repr  > device-runtime/tests/data/float_repr.txt
    python3 device-runtime/tests/gen_numeric_cases.py arith > device-runtime/tests/data/arith_cases.txt

float_repr.txt: `BITS<TAB>=repr(x)` for many doubles (random bit patterns, decimal-looking
values, powers of ten and two, boundaries of the exponent switch, subnormals, specials).

arith_cases.txt: `OP<TAB>ARG...<TAB>RESULT`, float arguments as bits, int arguments in
decimal; a float result is `=BITS`, an int result `=N`, an error `!Name: message`.
Where CPython's answer cannot be a 64-bit int or a float (a big int, a complex number), the
expected result is kiln's documented error instead; those rules are spelled out below.
"""
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from casefmt import esc, exc_text, fbits, from_bits, line  # noqa: E402

I64_MIN, I64_MAX = -2**63, 2**63 - 1
INT_OVERFLOW = "!OverflowError: integer overflow: result does not fit in 64 bits"
NEG_INT_POW = "!ValueError: kiln: int ** negative int is a float in Python; write float(x) ** n"
COMPLEX_POW = ("!ValueError: kiln: complex result of negative float ** fractional power "
               "is not supported")


def float_result(f):
    try:
        r = f()
    except Exception as e:  # noqa: BLE001
        return esc(exc_text(e))
    if isinstance(r, complex):
        return COMPLEX_POW
    return "=" + fbits(r)


def int_result(f):
    try:
        r = f()
    except Exception as e:  # noqa: BLE001
        return esc(exc_text(e))
    if not (I64_MIN <= r <= I64_MAX):
        return INT_OVERFLOW
    return "=%d" % r


SPECIAL = [
    0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 10.0, 1e300, -1e300, 1e-300,
    math.inf, -math.inf, math.nan, 1.5, -1.5, 0.1, 2.5, 1e10, 7.0, 1024.0, 5e-324, -5e-324,
    1.7976931348623157e308, 2.2250738585072014e-308, 0.9999999999999999, 1.0000000000000002,
    9.5, -9.5, 4.5, 1e16, 2.0**53, 2.0**63, -2.0**63, 9.223372036854775e18, -9.223372036854777e18,
    0.49999999999999994, 710.0, 709.78, -745.2, 1e-10, math.pi, math.pi / 2, math.e,
]

EXPONENTS = [
    0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 3.0, -3.0, 0.5, -0.5, 1.5, 1 / 3, 1e300, -1e300,
    math.inf, -math.inf, math.nan, 0.1, 10.0, 100.0, 1024.0, 1075.0, -1075.0, 53.0,
    2.0**53, 2.0**53 + 2, 1e16 + 2, 2.0**63 + 2**11, -7.0, 0.25,
]


def rand_float(rng):
    k = rng.random()
    if k < 0.3:
        while True:
            x = from_bits(rng.getrandbits(64))
            if not math.isnan(x):
                return x
    if k < 0.6:
        return rng.uniform(-10, 10) * 10.0 ** rng.randint(-30, 30)
    if k < 0.8:
        return rng.uniform(-1000, 1000)
    return float(rng.randint(-100, 100)) / rng.choice([1, 2, 4, 8, 10, 3])


def gen_repr():
    rng = random.Random(31337)
    vals = list(SPECIAL)
    for e in range(-330, 310):
        for m in (1.0, 1.5, 9.999999999999999, 5.0, 2.5, 1.2345678901234567):
            try:
                vals.append(float("%re%d" % (m, e)))
            except OverflowError:
                pass
    for e in range(-1074, 1024, 7):
        vals.append(math.ldexp(1.0, e))
        vals.append(-math.ldexp(1.0, e) * 3)
    for _ in range(3000):
        vals.append(from_bits(rng.getrandbits(64)))
    for _ in range(1500):
        vals.append(round(rng.uniform(-1e6, 1e6), rng.randint(0, 10)))
    for _ in range(1000):
        vals.append(float(rng.randint(1, 10**17)) * 10.0 ** rng.randint(-25, 5))
    for _ in range(500):
        vals.append(from_bits(rng.getrandbits(52)))  # subnormals
    out = [line(fbits(v), "=" + repr(v)) for v in vals]
    sys.stdout.write("\n".join(out) + "\n")


MATH1 = ["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh",
         "acosh", "atanh", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "cbrt",
         "sqrt", "fabs"]


def gen_arith():
    rng = random.Random(4242)
    out = []
    F = fbits

    def pairs(xs, ys, n_random):
        for a in xs:
            for b in ys:
                yield a, b
        for _ in range(n_random):
            yield rand_float(rng), rand_float(rng)

    # float ** float (float_pow)
    for a, b in pairs(SPECIAL, EXPONENTS, 1500):
        if math.isfinite(a) and a < 0 and math.isfinite(b) and b != math.floor(b):
            # CPython returns a complex number (or raises "OverflowError: complex
            # exponentiation" when that overflows); kiln has no complex type.
            res = COMPLEX_POW
        else:
            res = float_result(lambda: a ** b)
        out.append(line("float_pow", F(a), F(b), res))
    for _ in range(500):
        a, b = rng.uniform(0, 10), rng.uniform(-50, 50)
        out.append(line("float_pow", F(a), F(b), float_result(lambda: a ** b)))

    # float // and % (divisor non-zero: the compiler raises ZeroDivisionError itself)
    for a, b in pairs(SPECIAL, SPECIAL, 800):
        if b == 0:
            continue
        out.append(line("float_floordiv", F(a), F(b), float_result(lambda: a // b)))
        out.append(line("float_mod", F(a), F(b), float_result(lambda: a % b)))

    # int ** int
    bases = [-3, -2, -1, 0, 1, 2, 3, 7, 10, -10, 3037000499, 3037000500, -3037000499,
             2**31, -2**31, 2**32, 2**62, I64_MAX, I64_MIN, 1000, -1000, 12345]
    exps = [0, 1, 2, 3, 10, 15, 19, 20, 21, 31, 32, 39, 40, 62, 63, 64, 100, 2**62, I64_MAX, -1,
            -2, I64_MIN]
    for a in bases:
        for b in exps:
            if b < 0:
                res = NEG_INT_POW
            elif abs(a) >= 2 and b >= 64:
                res = INT_OVERFLOW
            else:
                res = int_result(lambda: a ** b)
            out.append(line("int_pow", str(a), str(b), res))
    for _ in range(500):
        a = rng.randint(-50, 50)
        b = rng.randint(0, 70)
        res = INT_OVERFLOW if abs(a) >= 2 and b >= 64 else int_result(lambda: a ** b)
        out.append(line("int_pow", str(a), str(b), res))

    # float -> int conversions
    conv_vals = SPECIAL + [2.0**63 - 1024, -2.0**63 - 2048, 1e19, -1e19, 0.9, -0.9, 1e-300,
                           4503599627370495.5, -4503599627370495.5]
    conv_vals += [rand_float(rng) for _ in range(500)]
    for x in conv_vals:
        out.append(line("float_to_int", F(x), int_result(lambda: int(x))))
        out.append(line("floor", F(x), int_result(lambda: math.floor(x))))
        out.append(line("ceil", F(x), int_result(lambda: math.ceil(x))))

    # math functions of one argument
    domain = SPECIAL + [0.99, -0.99, 1.01, -1.01, 20.0, 40.0, 1e5, -1e5, 800.0, -800.0, 1e-20,
                        -1e-20, 1024.0, -1075.0, 1100.0]
    for name in MATH1:
        fn = getattr(math, name)
        xs = domain + [rand_float(rng) for _ in range(50)] + [rng.uniform(-3, 3) for _ in range(50)]
        for x in xs:
            out.append(line("math_" + name, F(x), float_result(lambda: fn(x))))

    # math functions of two arguments
    for a, b in pairs(SPECIAL, EXPONENTS, 300):
        out.append(line("math_pow", F(a), F(b), float_result(lambda: math.pow(a, b))))
        out.append(line("math_atan2", F(a), F(b), float_result(lambda: math.atan2(a, b))))
        out.append(line("math_log_base", F(a), F(b), float_result(lambda: math.log(a, b))))
    # hypot: CPython's own algorithm, not libm's; subnormal inputs take a separate path.
    for a, b in pairs(SPECIAL, SPECIAL, 500):
        out.append(line("math_hypot", F(a), F(b), float_result(lambda: math.hypot(a, b))))
    for _ in range(1500):
        a = rng.uniform(0, 1) * 10.0 ** rng.randint(-300, 300)
        b = a * rng.uniform(0, 2)
        out.append(line("math_hypot", F(a), F(b), float_result(lambda: math.hypot(a, b))))
    for _ in range(800):
        a = from_bits(rng.getrandbits(rng.choice([20, 40, 50, 52])))
        b = from_bits(rng.getrandbits(rng.choice([20, 40, 50, 52, 53])))
        out.append(line("math_hypot", F(a), F(b), float_result(lambda: math.hypot(a, b))))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    which = sys.argv[1] if len(sys.argv) > 1 else ""
    if which == "repr":
        gen_repr()
    elif which == "arith":
        gen_arith()
    else:
        sys.exit("usage: gen_numeric_cases.py repr|arith")

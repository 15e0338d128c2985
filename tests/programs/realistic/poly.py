# Polynomials on coefficient lists: Horner evaluation, derivative, multiplication, synthetic division
def horner(coeffs, x):
    # coeffs[0] is the highest degree term
    acc = 0.0
    for c in coeffs:
        acc = acc * x + c
    return acc

def horner_int(coeffs, x):
    acc = 0
    for c in coeffs:
        acc = acc * x + c
    return acc

def derivative(coeffs):
    n = len(coeffs) - 1
    out = []
    for i in range(n):
        out.append(coeffs[i] * (n - i))
    return out

def multiply(a, b):
    out = [0] * (len(a) + len(b) - 1)
    for i in range(len(a)):
        for j in range(len(b)):
            out[i + j] += a[i] * b[j]
    return out

def synthetic_division(coeffs, r, quotient):
    acc = 0
    for c in coeffs:
        acc = acc * r + c
        quotient.append(acc)
    rem = quotient[len(quotient) - 1]
    return rem

def to_string(coeffs, var="x"):
    n = len(coeffs) - 1
    s = ""
    for i in range(len(coeffs)):
        c = coeffs[i]
        p = n - i
        if c == 0:
            continue
        sign = " - " if c < 0 else (" + " if s else "")
        if c < 0 and not s:
            sign = "-"
        mag = abs(c)
        term = "" if mag == 1 and p > 0 else str(mag)
        if p >= 2:
            term += f"{var}^{p}"
        elif p == 1:
            term += var
        s += sign + term
    return s if s else "0"

p = [1, -6, 11, -6]
print("p(x) =", to_string(p))
for x in range(-1, 5):
    print(f"  p({x}) = {horner_int(p, x):>4}   p'({x}) = {horner_int(derivative(p), x):>4}")
print("p'(x) =", to_string(derivative(p)), " p''(x) =", to_string(derivative(derivative(p))))
q = multiply([1, 1], [1, -1])
print("(x+1)(x-1) =", to_string(q))
binom = [1]
for k in range(1, 11):
    binom = multiply(binom, [1, 1])
    if k in [1, 2, 5, 10]:
        print(f"(x+1)^{k} =", to_string(binom, var="y"))
print("sum of coefficients of (x+1)^10:", horner_int(binom, 1))
quot = []
rem = synthetic_division(p, 3, quot)
print("p / (x-3): quotient", quot, "remainder", rem)
cheb = [16.0, 0.0, -20.0, 0.0, 5.0, 0.0]
for k in range(6):
    t = k / 5
    print(f"T5({t:.1f}) = {horner(cheb, t):+.6f}")
big = [1] * 20
print(horner_int(big, 2), horner_int(big, -3))
print(horner_int(big, 8), horner_int(big, -8), horner(big, 0.5))

# kiln: build
# Descriptive statistics of measurement data: mean, variance, median, quartiles, regression and outliers
import math

TEMPS = [12.1, 14.3, 13.8, 15.2, 16.9, 18.4, 21.0, 22.5, 20.1, 17.3, 14.8, 12.9,
         11.7, 13.9, 14.1, 16.0, 19.2, 23.8, 24.1, 21.7, 18.8, 15.5, 13.0, 40.2]

def mean(xs):
    if len(xs) == 0:
        raise ZeroDivisionError("mean of empty data")
    s = 0.0
    for x in xs:
        s += x
    return s / len(xs)

def variance(xs, sample=True):
    m = mean(xs)
    ss = 0.0
    for x in xs:
        ss += (x - m) ** 2
    return ss / (len(xs) - 1 if sample else len(xs))

def sorted_copy(xs):
    out = []
    for x in xs:
        i = len(out)
        out.append(x)
        while i > 0 and out[i - 1] > x:
            out[i] = out[i - 1]
            i -= 1
        out[i] = x
    return out

def quantile(sorted_xs, q):
    pos = (len(sorted_xs) - 1) * q
    lo = int(pos)
    frac = pos - lo
    if lo + 1 < len(sorted_xs):
        return sorted_xs[lo] + (sorted_xs[lo + 1] - sorted_xs[lo]) * frac
    return sorted_xs[lo]

def regression(xs, ys, out):
    mx = mean(xs)
    my = mean(ys)
    sxy = 0.0
    sxx = 0.0
    syy = 0.0
    for i in range(len(xs)):
        sxy += (xs[i] - mx) * (ys[i] - my)
        sxx += (xs[i] - mx) ** 2
        syy += (ys[i] - my) ** 2
    slope = sxy / sxx
    out.append(slope)
    out.append(my - slope * mx)
    out.append(sxy / math.sqrt(sxx * syy))

s = sorted_copy(TEMPS)
m = mean(TEMPS)
sd = math.sqrt(variance(TEMPS))
print(f"n = {len(TEMPS)}  mean = {m:.4f}  sd = {sd:.4f}  pop sd = {math.sqrt(variance(TEMPS, sample=False)):.4f}")
print(f"min = {s[0]}  q1 = {quantile(s, 0.25):.3f}  median = {quantile(s, 0.5):.3f}  q3 = {quantile(s, 0.75):.3f}  max = {s[-1]}")
iqr = quantile(s, 0.75) - quantile(s, 0.25)
lo_fence = quantile(s, 0.25) - 1.5 * iqr
hi_fence = quantile(s, 0.75) + 1.5 * iqr
print(f"fences: [{lo_fence:.3f}, {hi_fence:.3f}]")
for i in range(len(TEMPS)):
    z = (TEMPS[i] - m) / sd
    if TEMPS[i] < lo_fence or TEMPS[i] > hi_fence or abs(z) > 2.5:
        print(f"  outlier at hour {i}: {TEMPS[i]} (z = {z:+.2f})")
hours = []
for i in range(12):
    hours.append(float(i))
morning = []
for i in range(12):
    morning.append(TEMPS[i])
fit = [0.0] * 0
regression(hours, morning, fit)
print(f"morning trend: {fit[0]:+.4f} deg/hour, intercept {fit[1]:.3f}, r = {fit[2]:.4f}")
for h in [0.0, 5.5, 11.0, 24.0]:
    print(f"  predicted at {h:>4}: {fit[0] * h + fit[1]:7.3f}")
bins = [0] * 8
for t in TEMPS:
    b = int((t - 10) // 4)
    bins[min(b, 7)] += 1
for b in range(8):
    bar = ""
    for _ in range(bins[b]):
        bar += "o"
    print(f"{10 + 4 * b:>3}-{13 + 4 * b:<3}{bar}")
print(m > 0, m == m, sd != sd)
nothing: list[float] = []
print(mean(nothing))

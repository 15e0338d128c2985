# Unit conversion tables: temperature, length, pressure and a lookup by unit name
C_TO_F_STEPS = 10

def c_to_f(c):
    return c * 9 / 5 + 32

def f_to_c(f):
    return (f - 32) * 5 / 9

def c_to_k(c):
    return c + 273.15

LENGTH_NAMES = ["mm", "cm", "m", "km", "in", "ft", "yd", "mi"]
LENGTH_METRES = [0.001, 0.01, 1.0, 1000.0, 0.0254, 0.3048, 0.9144, 1609.344]

def find(names, name):
    for i in range(len(names)):
        if names[i] == name:
            return i
    raise KeyError(name)

def convert(value, src, dst):
    return value * LENGTH_METRES[find(LENGTH_NAMES, src)] / LENGTH_METRES[find(LENGTH_NAMES, dst)]

print(f"{'Celsius':>8} {'Fahrenheit':>11} {'Kelvin':>9}")
for c in range(-40, 101, 20):
    print(f"{c:>8d} {c_to_f(c):>11.1f} {c_to_k(c):>9.2f}")
print()
for f in [-40.0, 0.0, 32.0, 98.6, 212.0, 451.0]:
    print(f"{f!s:>6}F = {f_to_c(f):8.3f}C", "(freezing)" if f_to_c(f) <= 0 else "")
print()
header = "      "
for name in LENGTH_NAMES:
    header += f"{name:>12}"
print(header)
for src in LENGTH_NAMES:
    row = f"{src:<6}"
    for dst in LENGTH_NAMES:
        v = convert(1.0, src, dst)
        row += f"{v:>12.4g}"
    print(row)
print()
print("marathon:", f"{convert(42.195, 'km', 'mi'):.4f}", "mi")
print("a foot in inches:", convert(1, "ft", "in"), convert(1, "mi", "ft"))
PSI_PER_BAR = 14.503773773
for bar in [0.5, 1.0, 1.01325, 2.2, 10.0, 250.0]:
    psi = bar * PSI_PER_BAR
    print(f"{bar:>8} bar = {psi:>10.3f} psi = {bar * 100000:>12,.0f} Pa = {bar * 100:g} kPa")
print(f"{1e-7:g} {123456789.0:g} {0.0001:g} {1e22:g} {float(2**53):g}")
print(convert(3, "m", "furlong"))

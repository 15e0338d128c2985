# kiln: build
# A formatted table with aligned columns of strings, ints and floats.
names = ["hydrogen", "helium", "lithium", "carbon", "oxygen", "iron", "gold", "uranium"]
numbers = [1, 2, 3, 6, 8, 26, 79, 92]
masses = [1.008, 4.002602, 6.94, 12.011, 15.999, 55.845, 196.966570, 238.02891]
print(f"{'#':>3} | {'element':<10} | {'mass':>10} | {'per proton':>10} | {'bar':<10}")
print(f"{'':-<3}-+-{'':-<10}-+-{'':-<10}-+-{'':-<10}-+-{'':-<10}")
for i in range(len(names)):
    bar = ""
    for k in range(numbers[i] // 10 + 1):
        bar = bar + "#"
    print(f"{numbers[i]:>3} | {names[i]:<10} | {masses[i]:>10.4f} | {masses[i] / numbers[i]:>10.5f} | {bar:<10}")
total = 0.0
for m in masses:
    total += m
print(f"{'':>3} | {'total':^10} | {total:>10.3f} | {total / len(masses):>10.5e} |")
print(f"{'left':<12}|{'center':^12}|{'right':>12}|")
print(f"{'left':.<12}|{'center':~^12}|{'right':0>12}|")

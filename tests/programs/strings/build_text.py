# Building larger texts: a bordered box and a number pyramid.
def repeat(s, n):
    out = ""
    for i in range(n):
        out = out + s
    return out


def box(lines, width):
    print("+" + repeat("-", width + 2) + "+")
    for line in lines:
        print("| " + line + repeat(" ", width - len(line)) + " |")
    print("+" + repeat("-", width + 2) + "+")


box(["kiln", "compiles", "Python-syntax", "programs"], 14)
for i in range(1, 6):
    row = repeat(" ", 5 - i)
    for j in range(1, i + 1):
        row = row + str(j)
    for j in range(i - 1, 0, -1):
        row = row + str(j)
    print(row)
csv = ""
for i in range(5):
    csv = csv + str(i) + "," + str(i * i) + "," + str(i / 2) + "\n"
print(csv, end="")
print(repeat("=", 20))

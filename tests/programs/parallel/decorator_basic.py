# kiln: build
# @par on a module-level range loop: distinct list writes, a += reduction, the default options
n = 1000
squares = [0] * n
total = 0
@par
for i in range(n):
    squares[i] = i * i
    total += i * i
print(total)
print(squares[0], squares[1], squares[999], len(squares))
check = 0
for v in squares:
    check += v
print(check == total)

# the decorator form with arguments, a start and a step
odds = [0] * 50
@par(schedule="static")
for i in range(1, 100, 2):
    odds[i // 2] = 3 * i + 1
s = 0
for v in odds:
    s += v
print(odds[0], odds[49], s)

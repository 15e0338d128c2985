# Every augmented assignment operator, on locals, globals and list items.
a = 17
a += 5
print(a)
a -= 30
print(a)
a *= -3
print(a)
a //= 5
print(a)
a %= 7
print(a)
a **= 3
print(a)
a <<= 4
print(a)
a >>= 2
print(a)
a &= 0x1F0
print(a)
a |= 0x101
print(a)
a ^= 0xFF
print(a)
f = 10.0
f /= 4
print(f)
f += 1
print(f)
f -= 0.25
print(f)
f *= 3
print(f)
f //= 2
print(f)
f %= 2.5
print(f)
f **= 0.5
print(f)
xs = [1, 2, 3, 4]
xs[0] += 10
xs[1] *= 7
xs[-1] -= 100
xs[2] //= 2
xs[2] <<= 5
print(xs)
ys = [1.5, 2.5]
ys[0] /= 2
ys[1] **= 2
print(ys)
s = "ab"
s += "cd"
s += str(42)
print(s)


def bump(n):
    total = 0
    for i in range(n):
        total += i * i
        total -= i
    return total


print(bump(10), bump(100))

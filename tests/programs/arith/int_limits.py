# kiln: build
# Values at the edge of the 64-bit range that still fit (no overflow anywhere in this program).
MAX = 9223372036854775807
MIN = -9223372036854775807 - 1
print(MAX, MIN, MAX + MIN, MIN + MAX, -MAX)
print(MAX // 2, MIN // 2, MIN % 2, MIN // 3, MIN % 3, MIN * 1, MAX * -1, MIN // 1)
# MIN % -1 is 0 (a naive machine remainder traps here)
print(MIN % -1, MIN % 1, MAX % -1, MAX % MAX, MIN % MIN, MIN // MIN)
print(MAX - 1, MIN + 1, (MAX - 1) // 2 * 2, MAX - MAX, MIN - MIN)
print(MIN < MAX, MIN == -MAX - 1, MAX > 10 ** 18, MIN < -(10 ** 18))
print(MAX % 1000000007, MIN % 1000000007, MAX // 1000000007, MIN // 1000000007)
print(f"{MAX:x}", f"{MIN:x}", f"{MAX:b}", f"{MIN:,}")
print(MAX & MIN, MAX | MIN, MAX ^ MIN, ~MAX, ~MIN)
print(MIN >> 63, MAX >> 62, MIN >> 1, MAX >> 63, MIN >> 62)
print(4611686018427387904 - 1 + 4611686018427387904, 3037000499 * 3037000499)
print(-3037000499 * 3037000499, 3037000500 * -3037000499)
print(MAX - 2 ** 62 - 2 ** 62 + 1 == 0, MIN + 2 ** 62 + 2 ** 62)
acc = 1
for i in range(1, 21):
    acc *= i
    print(i, "! =", acc)

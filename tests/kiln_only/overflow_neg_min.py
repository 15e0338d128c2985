# kiln-only: the smallest int, -2**63, has no positive counterpart: negating it, or dividing it
# by -1, overflows. MIN // 1 and MIN % -1 are fine (printed first).
MIN = -9223372036854775807 - 1
print(MIN, MIN // 1, MIN % -1)
m1 = -1
print("dividing by", m1)
print(MIN // m1)

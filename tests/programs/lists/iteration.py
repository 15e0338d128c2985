# for over lists of each element type, nested, with break and continue.
nums = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
total = 0
for n in nums:
    total += n
print("total", total)
largest = nums[0]
smallest = nums[0]
for n in nums:
    if n > largest:
        largest = n
    if n < smallest:
        smallest = n
print("max", largest, "min", smallest)
for w in ["red", "green", "blue"]:
    print(w, len(w))
for f in [0.5, 1.5, 2.5]:
    print(f, f * f)
for b in [True, False]:
    print(b, not b)
for x in nums:
    if x == 1:
        continue
    if x == 6:
        break
    print("x", x)
pairs = 0
for a in [1, 2, 3]:
    for m in [10, 20]:
        print(a, m, a * m)
        pairs += 1
print("pairs", pairs)
evens = []
for n in nums:
    if n % 2 == 0:
        evens.append(n)
print(evens)

# global declarations (multiple names, swap, created in a function), module loop variables read by functions, params shadowing globals
total = 0
items = []
def add(v):
    global total
    total += v
    items.append(v)
for k in range(4):
    add(k * k)
print(total, items, k)
def uses_k():
    return k * 2
print(uses_k())
for k in range(10, 12):
    pass
print(uses_k())
def set_flag():
    global flag
    flag = True
def read_flag():
    if flag:
        return "set"
    return "unset"
set_flag()
print(read_flag())
def swap():
    global a, b
    a, b = b, a
a = 1
b = 2
swap()
print(a, b)
def count_down():
    global n
    while n > 0:
        n -= 1
    return n
n = 5
print(count_down(), n)
def shadow_param(total):
    total += 1
    return total
print(shadow_param(10), total)
c = d = 3
c += 1
print(c, d)
if total > 0:
    created = "yes"
print(created)

# Empty containers typed through aliases, tables of lists filled through a helper's result,
# a stack's top, a tuple of lists, rows appended before they are filled, and widening an alias.
class A:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"A({self.n})"

class B(A):
    def __repr__(self):
        return f"B({self.n})"

xs = [B(1)]
ys = xs
ys.append(A(2))
print(xs, ys)

def first_or_new(table, key):
    if key not in table:
        table[key] = []
    return table[key]

t = {}
first_or_new(t, "a").append(1.5)
first_or_new(t, "b")
first_or_new(t, "a").append(2.5)
print(t)

stack = [[]]
top = stack[-1]
top.append(("x", 1))
stack.append([])
stack[-1].append(("y", 2))
print(stack)

def split_even(nums):
    evens, odds = [], []
    for n in nums:
        (evens if n % 2 == 0 else odds).append(n)
    return evens, odds

print(split_even([1, 2, 3, 4]))

pairs = []
a, b = [], []
pairs.append((a, b))
a.append("left")
b.append(3.0)
print(pairs)

matrix = []
for i in range(3):
    row = []
    matrix.append(row)
    for j in range(3):
        row.append(i * j * 0.5)
print(matrix)

memo = {}
def get(k):
    if k not in memo:
        memo[k] = []
    return memo[k]
get(1).append("one")
print(memo)

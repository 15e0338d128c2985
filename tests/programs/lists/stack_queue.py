# A stack with an explicit top index and a ring-buffer queue, both over fixed lists.
stack = [0] * 16
top = 0


def push(v):
    global top
    stack[top] = v
    top += 1


def pop():
    global top
    top -= 1
    return stack[top]


for i in range(1, 6):
    push(i * 11)
print("popped", pop(), pop())
push(99)
while top > 0:
    print("pop", pop())
# balanced brackets encoded as ints: 1 = open, -1 = close
def balanced(seq):
    depth = 0
    for s in seq:
        depth += s
        if depth < 0:
            return False
    return depth == 0


print(balanced([1, 1, -1, -1]), balanced([1, -1, -1, 1]), balanced([1, 1, -1]), balanced([1]))
cap = 4
ring = [0] * cap
head = 0
size = 0
for v in [1, 2, 3, 4, 5, 6]:
    if size == cap:
        print("drop", ring[head])
        head = (head + 1) % cap
        size -= 1
    ring[(head + size) % cap] = v
    size += 1
out = []
for k in range(size):
    out.append(ring[(head + k) % cap])
print(out)

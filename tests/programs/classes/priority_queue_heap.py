# A binary min-heap class of Task objects ordered by __lt__ (priority, then arrival order).
import random


class Task:
    def __init__(self, priority, seq, name):
        self.priority = priority
        self.seq = seq
        self.name = name

    def __lt__(self, other):
        if self.priority != other.priority:
            return self.priority < other.priority
        return self.seq < other.seq

    def __repr__(self):
        return f"{self.name}(p{self.priority})"


class Heap:
    def __init__(self):
        self.data = []

    def __len__(self):
        return len(self.data)

    def push(self, t):
        self.data.append(t)
        i = len(self.data) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self.data[i] < self.data[parent]:
                self.data[i], self.data[parent] = self.data[parent], self.data[i]
                i = parent
            else:
                break

    def peek(self):
        return self.data[0]

    def pop(self):
        top = self.data[0]
        last = self.data.pop()
        if self.data:
            self.data[0] = last
            i = 0
            n = len(self.data)
            while True:
                smallest = i
                for c in (2 * i + 1, 2 * i + 2):
                    if c < n and self.data[c] < self.data[smallest]:
                        smallest = c
                if smallest == i:
                    break
                self.data[i], self.data[smallest] = self.data[smallest], self.data[i]
                i = smallest
        return top


class Scheduler:
    def __init__(self):
        self.heap = Heap()
        self.seq = 0

    def submit(self, priority, name):
        self.seq += 1
        self.heap.push(Task(priority, self.seq, name))

    def run(self, n):
        done = []
        while len(self.heap) > 0 and len(done) < n:
            done.append(self.heap.pop())
        return done


s = Scheduler()
for p, name in [(3, "write"), (1, "boot"), (2, "read"), (1, "login"), (5, "idle"), (2, "sync")]:
    s.submit(p, name)
print("peek", s.heap.peek(), "size", len(s.heap))
print(s.run(3))
s.submit(0, "urgent")
s.submit(2, "late")
print(s.run(10))
print("empty", len(s.heap))

random.seed(42)
h = Heap()
tasks = []
for i in range(40):
    t = Task(random.randint(1, 9), i, "t" + str(i))
    tasks.append(t)
    h.push(t)
out = []
while len(h) > 0:
    out.append(h.pop())
print(out[:12])
print(out == sorted(tasks))
print([t.priority for t in out])
print(min(tasks), sorted(tasks)[-1])
s2 = Scheduler()
for i in range(8):
    s2.submit((i * 5) % 4, "job" + str(i))
while len(s2.heap) > 0:
    t = s2.heap.pop()
    print("run", t.name, t.priority, t.seq, "remaining", len(s2.heap))

# Classes whose __iter__ is a generator method, plus generator methods with parameters.


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __iter__(self):
        for row in self.rows:
            yield row

    def cells(self):
        for i, row in enumerate(self.rows):
            for j, v in enumerate(row):
                yield (i, j, v)

    def column(self, j):
        for row in self.rows:
            yield row[j]

    def diagonal(self):
        for i in range(min(len(self.rows), len(self.rows[0]))):
            yield self.rows[i][i]


class Playlist:
    def __init__(self, name):
        self.name = name
        self.songs = []

    def add(self, title, seconds):
        self.songs.append((title, seconds))
        return self

    def __iter__(self):
        for title, _ in self.songs:
            yield title

    def longer_than(self, limit):
        for title, secs in self.songs:
            if secs > limit:
                yield f"{title} ({secs // 60}:{secs % 60:02d})"

    def shuffled(self, step):
        n = len(self.songs)
        i = 0
        for _ in range(n):
            yield self.songs[i][0]
            i = (i + step) % n


c = Countdown(4)
print(list(c), list(c), sum(c))
for x in Countdown(3):
    for y in Countdown(x):
        print(x, y, end="; ")
print()
m = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
for row in m:
    print(row)
print([v for i, j, v in m.cells() if i == j or i + j == 2])
print(list(m.column(1)), sum(m.diagonal()), max(m.column(2)))
print(sum(sum(row) for row in m))
p = Playlist("mix").add("Intro", 65).add("Long Song", 421).add("Short", 30).add("Epic", 812).add("Outro", 125)
print(list(p))
print(list(p.longer_than(120)))
print(list(p.shuffled(2)), list(p.shuffled(3)))
print(sorted(p), "Epic" in list(p), len(list(p.longer_than(1000))))

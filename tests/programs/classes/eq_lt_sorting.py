# __eq__ and __lt__ used by ==, !=, <, sorted(), list.sort(), min(), key= lambdas.


class Version:
    def __init__(self, major, minor, patch):
        self.major = major
        self.minor = minor
        self.patch = patch

    def key(self):
        return (self.major, self.minor, self.patch)

    def __eq__(self, other):
        return self.key() == other.key()

    def __lt__(self, other):
        return self.key() < other.key()

    def __repr__(self):
        return f"v{self.major}.{self.minor}.{self.patch}"

    @classmethod
    def parse(cls, s):
        a, b, c = s.split(".")
        return cls(int(a), int(b), int(c))


class Student:
    def __init__(self, name, grade, age):
        self.name = name
        self.grade = grade
        self.age = age

    def __repr__(self):
        return f"{self.name}({self.grade},{self.age})"


vs = [Version.parse(s) for s in ["1.2.3", "0.9.12", "1.10.0", "1.2.10", "0.9.2", "2.0.0", "1.2.3"]]
print(vs)
print(sorted(vs))
print(sorted(vs, reverse=True))
print(vs[0] == vs[6], vs[0] != vs[6], vs[0] == vs[1], vs[0] != vs[1])
print(vs[1] < vs[0], vs[0] < vs[1], vs[0] < vs[6])
print(min(vs), vs.count(Version(1, 2, 3)), vs.index(Version(2, 0, 0)))
print(Version(1, 2, 3) in vs, Version(3, 0, 0) in vs)
vs.sort()
print(vs)
vs.sort(key=lambda v: v.patch)
print(vs)
vs.sort(key=lambda v: (v.minor, v.major), reverse=True)
print(vs)

students = [Student("ann", 90, 20), Student("bob", 85, 22), Student("cid", 90, 19),
            Student("dot", 70, 22), Student("eve", 85, 21)]
print(sorted(students, key=lambda s: s.grade))
print(sorted(students, key=lambda s: (-s.grade, s.name)))
print(sorted(students, key=lambda s: s.age, reverse=True))
students.sort(key=lambda s: s.name, reverse=True)
print(students)
print(max(students, key=lambda s: s.age), min(students, key=lambda s: s.grade))
top = [s.name for s in sorted(students, key=lambda s: s.grade, reverse=True)[:3]]
print(top)

# sort stability: equal keys keep their original order
pairs = [Student("p" + str(i), i % 3, i) for i in range(9)]
print(sorted(pairs, key=lambda s: s.grade))

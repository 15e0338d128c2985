# Methods returning self for fluent chaining, and methods returning new objects.


class QueryBuilder:
    def __init__(self, table):
        self.table = table
        self.fields = []
        self.conditions = []
        self.order = ""
        self.limit_n = -1

    def select(self, name):
        self.fields.append(name)
        return self

    def where(self, cond):
        self.conditions.append(cond)
        return self

    def order_by(self, field):
        self.order = field
        return self

    def limit(self, n):
        self.limit_n = n
        return self

    def build(self):
        cols = ", ".join(self.fields) if self.fields else "*"
        sql = f"SELECT {cols} FROM {self.table}"
        if self.conditions:
            sql += " WHERE " + " AND ".join(self.conditions)
        if self.order:
            sql += " ORDER BY " + self.order
        if self.limit_n >= 0:
            sql += f" LIMIT {self.limit_n}"
        return sql


class Path:
    def __init__(self, parts):
        self.parts = parts

    def join(self, name):
        if name == "..":
            return Path(self.parts[:-1])
        if name == ".":
            return Path(list(self.parts))
        return Path(self.parts + [name])

    def __truediv__(self, name):
        return self.join(name)

    def parent(self):
        return Path(self.parts[:-1])

    def name(self):
        return self.parts[-1] if self.parts else ""

    def __str__(self):
        return "/" + "/".join(self.parts)


print(QueryBuilder("users").build())
print(QueryBuilder("users").select("id").select("name").where("age > 18").build())
q = QueryBuilder("orders").select("id").select("total").where("total > 100").where("status = 'paid'")
print(q.order_by("total").limit(10).build())
print(q.build() == q.limit(10).build())
q2 = q
q2.limit(3)
print(q.build())
print(QueryBuilder("t").limit(0).order_by("x").build())

root = Path([])
home = root / "home" / "ann"
print(root, home, home.name(), home.parent())
proj = home.join("src").join("kiln").join("..").join("tests").join(".")
print(proj, proj.parent().parent(), (proj / "..") / "..")
print(home, "unchanged")
print(str(root / "a" / "b" / "c").count("/"), (root / "x").parent(), repr(root.name()))

# Without __eq__, == and `in` compare identity; `is`/`is not`; copies are distinct objects.


class Token:
    def __init__(self, text):
        self.text = text

    def copy(self):
        return Token(self.text)

    def __repr__(self):
        return "Token(" + self.text + ")"


class Key:
    def __init__(self, text):
        self.text = text

    def __eq__(self, other):
        return self.text == other.text

    def __repr__(self):
        return "Key(" + self.text + ")"


a = Token("x")
b = a
c = a.copy()
print(a == b, a == c, a is b, a is c, a is not c, a != c)
print(a.text == c.text)
tokens = [a, Token("y"), Token("x")]
print(a in tokens, c in tokens, tokens.count(a), tokens.index(a))
print(Token("y") in tokens)
b.text = "changed"
print(a, b, c, tokens[0])

k1 = Key("x")
k2 = Key("x")
k3 = Key("z")
print(k1 == k2, k1 is k2, k1 != k3, k1 is not k2)
keys = [k3, k2]
print(k1 in keys, keys.index(k1), keys.count(Key("x")), Key("q") in keys)
keys.remove(Key("z"))
print(keys)

registry = {}
for t in [a, c, a, Token("w"), c]:
    registry[t.text] = registry.get(t.text, 0) + 1
print(registry)

pool = [Token("p") for _ in range(3)]
print(pool[0] == pool[1], pool[0] is pool[0], len(pool))
same = [pool[0]] * 3
same[0].text = "shared"
print(same, pool[1])
first = pool[0]
pool[0] = Token("new")
print(first, pool[0], first is pool[0])

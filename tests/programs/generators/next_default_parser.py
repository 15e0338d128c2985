# next(g, default) drives a small tokenizer and parser that peek and consume tokens one at a time.


def tokens(text):
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            yield text[i:j]
            i = j
        elif ch in "+-*/()":
            yield ch
            i += 1
        else:
            i += 1


print(list(tokens("12+3*(40-5)")))


class Parser:
    def __init__(self, text):
        self.gen = tokens(text)
        self.current = next(self.gen, "")
        self.consumed = 0

    def advance(self):
        tok = self.current
        self.current = next(self.gen, "")
        self.consumed += 1
        return tok

    def expr(self):
        value = self.term()
        while self.current == "+" or self.current == "-":
            op = self.advance()
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self):
        value = self.factor()
        while self.current == "*" or self.current == "/":
            op = self.advance()
            rhs = self.factor()
            value = value * rhs if op == "*" else value // rhs
        return value

    def factor(self):
        if self.current == "(":
            self.advance()
            value = self.expr()
            self.advance()
            return value
        if self.current == "-":
            self.advance()
            return -self.factor()
        return int(self.advance())


for src in ["1+2*3", "(1+2)*3", "100/7/2", "2*(3+4)*5-6", "-3*-(2+1)", "42"]:
    p = Parser(src)
    print(f"{src} = {p.expr()} ({p.consumed} tokens, rest={p.current!r})")


def countdown(n):
    while n > 0:
        yield n
        n -= 1


g = countdown(3)
print(next(g, 0), next(g, 0), next(g, 0), next(g, 0), next(g, -1))
h = countdown(0)
print(next(h, 99))
words = tokens("")
print(next(words, "<none>"))


def long_words(ws, n):
    for w in ws:
        if len(w) > n:
            yield w


def first_long(ws, n):
    return next(long_words(ws, n), "?")


print(first_long(["a", "bbb", "cccc"], 2), first_long(["a"], 3))

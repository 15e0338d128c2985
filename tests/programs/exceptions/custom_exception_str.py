# User exceptions overriding __str__, carrying position fields, used by a tiny tokenizer.


class ParseError(Exception):
    def __init__(self, text, pos, reason):
        super().__init__(reason)
        self.text = text
        self.pos = pos
        self.reason = reason

    def __str__(self):
        return f"{self.reason} at column {self.pos + 1}"

    def pointer(self):
        return self.text + "\n" + " " * self.pos + "^"


class UnexpectedEnd(ParseError):
    def __init__(self, text):
        super().__init__(text, len(text), "unexpected end of input")


def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == " ":
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            tokens.append(text[i:j])
            i = j
        elif ch in "+-*/()":
            tokens.append(ch)
            i += 1
        elif ch == '"':
            j = text.find('"', i + 1)
            if j < 0:
                raise UnexpectedEnd(text)
            tokens.append(text[i:j + 1])
            i = j + 1
        else:
            raise ParseError(text, i, f"unexpected character {ch!r}")
    return tokens


for src in ["1 + 23 * (4 - 5)", "12 $ 3", '"abc" + "de', "x", '7 / "q"', ""]:
    try:
        print(repr(src), "->", tokenize(src))
    except UnexpectedEnd as e:
        print(repr(src), "incomplete:", e, "| args", e.args)
        print(e.pointer())
    except ParseError as e:
        print(repr(src), "error:", e, "| reason", e.reason, "| pos", e.pos)
        print(e.pointer())

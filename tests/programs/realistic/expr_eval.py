# A recursive-descent expression evaluator: a tokenizer, a parser building AST node classes
# (Num, Var, Neg and BinOp subclasses overriding apply()), eval() with an environment, a printer,
# and many randomly generated expressions. Integer arithmetic only: `/` is floor division and `%`
# the Python modulo; `^` is a power with a non-negative exponent; results are limited to 10**15.
# Errors (ZeroDivisionError, custom ParseError / EvalError / TooLarge) are caught and counted.
# Optional size: the number of generated expressions (default 10000).
import random
import sys

LIMIT = 10 ** 15


class ParseError(Exception):
    def __init__(self, pos, message):
        super().__init__(f"{message} at {pos}")
        self.pos = pos


class EvalError(Exception):
    pass


class TooLarge(EvalError):
    def __init__(self, op):
        super().__init__("result of " + op + " too large")


class Token:
    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos

    def __repr__(self):
        return f"{self.kind}:{self.text}"


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        ch = src[i]
        if ch == " ":
            i += 1
        elif ch.isdigit():
            j = i
            while j < n and src[j].isdigit():
                j += 1
            tokens.append(Token("num", src[i:j], i))
            i = j
        elif ch.isalpha():
            j = i
            while j < n and src[j].isalnum():
                j += 1
            tokens.append(Token("name", src[i:j], i))
            i = j
        elif ch in "+-*/%^()":
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise ParseError(i, f"unexpected character {ch!r}")
    tokens.append(Token("end", "", n))
    return tokens


def check(value, op):
    if value > LIMIT or value < -LIMIT:
        raise TooLarge(op)
    return value


class Node:
    def eval(self, env):
        return 0

    def size(self):
        return 1

    def depth(self):
        return 1


class Num(Node):
    def __init__(self, value):
        self.value = value

    def eval(self, env):
        return self.value

    def __str__(self):
        return str(self.value)


class Var(Node):
    def __init__(self, name):
        self.name = name

    def eval(self, env):
        if self.name not in env:
            raise EvalError("undefined variable " + self.name)
        return env[self.name]

    def __str__(self):
        return self.name


class Neg(Node):
    def __init__(self, operand):
        self.operand = operand

    def eval(self, env):
        return -self.operand.eval(env)

    def size(self):
        return 1 + self.operand.size()

    def depth(self):
        return 1 + self.operand.depth()

    def __str__(self):
        return "(-" + str(self.operand) + ")"


class BinOp(Node):
    symbol = "?"

    def __init__(self, left, right):
        self.left = left
        self.right = right

    def apply(self, a, b):
        return 0

    def eval(self, env):
        return self.apply(self.left.eval(env), self.right.eval(env))

    def size(self):
        return 1 + self.left.size() + self.right.size()

    def depth(self):
        return 1 + max(self.left.depth(), self.right.depth())

    def __str__(self):
        return "(" + str(self.left) + " " + self.symbol + " " + str(self.right) + ")"


class Add(BinOp):
    symbol = "+"

    def apply(self, a, b):
        return check(a + b, "+")


class Sub(BinOp):
    symbol = "-"

    def apply(self, a, b):
        return check(a - b, "-")


class Mul(BinOp):
    symbol = "*"

    def apply(self, a, b):
        if a != 0 and abs(b) > LIMIT // abs(a):
            raise TooLarge("*")
        return a * b


class Div(BinOp):
    symbol = "/"

    def apply(self, a, b):
        return a // b


class Mod(BinOp):
    symbol = "%"

    def apply(self, a, b):
        return a % b


class Pow(BinOp):
    symbol = "^"

    def apply(self, a, b):
        if b < 0:
            raise EvalError(f"negative exponent {b}")
        result = 1
        for _ in range(b):
            if result != 0 and abs(a) > LIMIT // abs(result):
                raise TooLarge("^")
            result *= a
        return result


class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.i = 0

    def peek(self):
        return self.tokens[self.i]

    def take(self):
        t = self.tokens[self.i]
        self.i += 1
        return t

    def expect(self, text):
        t = self.take()
        if t.text != text:
            raise ParseError(t.pos, f"expected {text!r} but found {t.text!r}")

    def parse(self):
        node = self.expr()
        t = self.peek()
        if t.kind != "end":
            raise ParseError(t.pos, f"unexpected {t.text!r}")
        return node

    def expr(self):
        node = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            right = self.term()
            if op == "+":
                node = Add(node, right)
            else:
                node = Sub(node, right)
        return node

    def term(self):
        node = self.unary()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            right = self.unary()
            if op == "*":
                node = Mul(node, right)
            elif op == "/":
                node = Div(node, right)
            else:
                node = Mod(node, right)
        return node

    def unary(self):
        if self.peek().text == "-":
            self.take()
            return Neg(self.unary())
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek().text == "^":
            self.take()
            return Pow(base, self.unary())
        return base

    def atom(self):
        t = self.take()
        if t.kind == "num":
            return Num(int(t.text))
        if t.kind == "name":
            return Var(t.text)
        if t.text == "(":
            node = self.expr()
            self.expect(")")
            return node
        raise ParseError(t.pos, "unexpected " + (repr(t.text) if t.text else "end of input"))


def parse(src):
    return Parser(tokenize(src)).parse()


def gen(depth):
    r = random.random()
    if depth <= 0 or r < 0.2:
        k = random.random()
        if k < 0.7:
            return str(random.randint(0, 99))
        if k < 0.8:
            return str(random.randint(100, 999999))
        if k < 0.81:
            return "w"
        return random.choice(["x", "y", "z"])
    if r < 0.3:
        return "-" + gen(depth - 1)
    if r < 0.4:
        return "(" + gen(depth - 1) + ")"
    op = random.choice(["+", "-", "*", "/", "%", "+", "-", "*", "^"])
    if op == "^":
        return gen(0) + " ^ " + str(random.randint(0, 4))
    sp = " " if random.random() < 0.7 else ""
    return gen(depth - 1) + sp + op + sp + gen(depth - 1)


def corrupt(src):
    k = random.randint(0, 3)
    if k == 0:
        return src + ")"
    if k == 1:
        return "(" + src
    if k == 2:
        return src + " $ 1"
    return src[: len(src) // 2]


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    random.seed(20240607)
    env = {"x": 7, "y": -3, "z": 12}
    counts = {"ok": 0, "ParseError": 0, "ZeroDivisionError": 0, "TooLarge": 0, "EvalError": 0}
    checksum = 0
    total_nodes = 0
    deepest = 0
    largest = 0
    roundtrip_failures = 0
    shown = 0
    for i in range(n):
        src = gen(random.randint(1, 7))
        if random.random() < 0.05:
            src = corrupt(src)
        try:
            tree = parse(src)
            total_nodes += tree.size()
            deepest = max(deepest, tree.depth())
            value = tree.eval(env)
            again = parse(str(tree))
            if again.eval(env) != value or str(again) != str(tree):
                roundtrip_failures += 1
            counts["ok"] += 1
            checksum = (checksum * 131 + value) % 1000000007
            if abs(value) > abs(largest):
                largest = value
            outcome = str(value)
        except ParseError as e:
            counts["ParseError"] += 1
            outcome = "ParseError: " + str(e)
        except ZeroDivisionError as e:
            counts["ZeroDivisionError"] += 1
            outcome = "ZeroDivisionError: " + str(e)
        except TooLarge as e:
            counts["TooLarge"] += 1
            outcome = "TooLarge: " + str(e)
        except EvalError as e:
            counts["EvalError"] += 1
            outcome = "EvalError: " + str(e)
        if shown < 30 and len(src) <= 60:
            shown += 1
            print(f"{src:<60} => {outcome}")
    print(counts)
    print("checksum", checksum, "nodes", total_nodes, "deepest", deepest, "largest", largest)
    print("round-trip failures", roundtrip_failures)
    for src in ["2 ^ 3 ^ 2", "-2 ^ 2", "(-2) ^ 2", "7 / -2", "-7 % 3", "x * (y + z) - 4 / 2", "2 ^ 60", "1 +", "((1)"]:
        try:
            tree = parse(src)
            print(f"{src:<22} parsed as {tree} = {tree.eval(env)}")
        except (ParseError, EvalError, ZeroDivisionError) as e:
            print(f"{src:<22} error {type(e).__name__}: {e}")


main()

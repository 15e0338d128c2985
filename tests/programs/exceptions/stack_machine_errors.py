# A tiny stack VM that raises errors for bad programs; the runner reports each failure.


class VMError(Exception):
    def __init__(self, pc, message):
        super().__init__(f"pc={pc}: {message}")
        self.pc = pc


class StackUnderflow(VMError):
    pass


class UnknownOp(VMError):
    pass


class VM:
    def __init__(self):
        self.stack = []
        self.pc = 0

    def pop(self):
        if not self.stack:
            raise StackUnderflow(self.pc, "stack underflow")
        return self.stack.pop()

    def run(self, program):
        self.stack = []
        self.pc = 0
        words = program.split()
        while self.pc < len(words):
            w = words[self.pc]
            if w.lstrip("-").isdigit():
                self.stack.append(int(w))
            elif w == "+":
                self.stack.append(self.pop() + self.pop())
            elif w == "*":
                self.stack.append(self.pop() * self.pop())
            elif w == "-":
                b = self.pop()
                self.stack.append(self.pop() - b)
            elif w == "/":
                b = self.pop()
                a = self.pop()
                self.stack.append(a // b)
            elif w == "dup":
                v = self.pop()
                self.stack.append(v)
                self.stack.append(v)
            elif w == "swap":
                b = self.pop()
                a = self.pop()
                self.stack.append(b)
                self.stack.append(a)
            else:
                raise UnknownOp(self.pc, "unknown word " + repr(w))
            self.pc += 1
        return self.pop()


vm = VM()
programs = [
    "2 3 + 4 *",
    "10 3 - dup *",
    "1 +",
    "8 0 /",
    "5 2 swap - 7 frob",
    "",
    "100 7 / 3 swap -",
    "-4 -5 * 2 /",
]
ok = 0
for p in programs:
    try:
        print(f"{p!r:24} = {vm.run(p)}")
        ok += 1
    except StackUnderflow as e:
        print(f"{p!r:24} underflow: {e} (pc {e.pc}, stack {vm.stack})")
    except UnknownOp as e:
        print(f"{p!r:24} unknown: {e}")
    except ZeroDivisionError as e:
        print(f"{p!r:24} division: {e} at pc {vm.pc}")
print(ok, "of", len(programs), "programs succeeded")

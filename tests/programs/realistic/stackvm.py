# kiln: build
# A tiny stack-machine interpreter over int opcodes: factorial, gcd and a loop-sum program, with a trace
PUSH = 1
ADD = 2
SUB = 3
MUL = 4
DIV = 5
MOD = 6
DUP = 7
SWAP = 8
JZ = 9
JMP = 10
PRINT = 11
HALT = 12
OVER = 13
DROP = 14

NAMES = ["?", "PUSH", "ADD", "SUB", "MUL", "DIV", "MOD", "DUP", "SWAP", "JZ", "JMP", "PRINT", "HALT", "OVER", "DROP"]
executed = 0

def show(stack, sp):
    s = "["
    for i in range(sp):
        if i:
            s += ", "
        s += str(stack[i])
    return s + "]"

def run(code, trace=False, max_steps=10000):
    global executed
    stack = [0] * 16
    sp = 0
    pc = 0
    steps = 0
    while True:
        if pc < 0 or pc >= len(code):
            raise IndexError(f"pc {pc} out of range")
        op = code[pc]
        steps += 1
        executed += 1
        if steps > max_steps:
            print("step limit reached")
            return -1
        if trace:
            arg = f" {code[pc + 1]}" if op == PUSH or op == JZ or op == JMP else ""
            print(f"  {pc:>3}: {NAMES[op]:<5}{arg:<5} stack={show(stack, sp)}")
        if op == PUSH:
            stack[sp] = code[pc + 1]
            sp += 1
            pc += 2
            continue
        if op == JZ:
            sp -= 1
            pc = code[pc + 1] if stack[sp] == 0 else pc + 2
            continue
        if op == JMP:
            pc = code[pc + 1]
            continue
        if op == HALT:
            return stack[sp - 1] if sp > 0 else 0
        if op == DUP:
            stack[sp] = stack[sp - 1]
            sp += 1
        elif op == DROP:
            sp -= 1
        elif op == OVER:
            stack[sp] = stack[sp - 2]
            sp += 1
        elif op == SWAP:
            stack[sp - 1], stack[sp - 2] = stack[sp - 2], stack[sp - 1]
        elif op == PRINT:
            print("  out:", stack[sp - 1])
        else:
            sp -= 1
            b = stack[sp]
            a = stack[sp - 1]
            if op == ADD:
                stack[sp - 1] = a + b
            elif op == SUB:
                stack[sp - 1] = a - b
            elif op == MUL:
                stack[sp - 1] = a * b
            elif op == DIV:
                stack[sp - 1] = a // b
            elif op == MOD:
                stack[sp - 1] = a % b
            else:
                raise ValueError("bad opcode " + str(op))
        pc += 1

def factorial_program(n):
    return [PUSH, 1, PUSH, n,
            DUP, JZ, 16,
            SWAP, OVER, MUL, SWAP, PUSH, 1, SUB, JMP, 4,
            DROP, PRINT, HALT]

def gcd_program(a, b):
    return [PUSH, a, PUSH, b, DUP, JZ, 12, SWAP, OVER, MOD, JMP, 4, DROP, HALT]

def sum_program(n):
    return [PUSH, 0, PUSH, n, DUP, JZ, 17, SWAP, OVER, ADD, PRINT, SWAP, PUSH, 1, SUB, JMP, 4, DROP, HALT]

def disassemble(code):
    pc = 0
    lines = 0
    while pc < len(code):
        op = code[pc]
        if op == PUSH or op == JZ or op == JMP:
            print(f"{pc:04d}  {NAMES[op]:<6}{code[pc + 1]}")
            pc += 2
        else:
            print(f"{pc:04d}  {NAMES[op]}")
            pc += 1
        lines += 1
    return lines

print("factorial(5) with trace:")
print("result", run(factorial_program(5), trace=True))
for n in [0, 1, 10, 20]:
    print(f"{n}! =", run(factorial_program(n)))
print("disassembly of gcd:", disassemble(gcd_program(0, 0)), "instructions")
pairs = [1071, 462, 17, 5, 0, 9, 270, 192, -12, 18]
for k in range(0, len(pairs), 2):
    print(f"gcd({pairs[k]}, {pairs[k + 1]}) = {run(gcd_program(pairs[k], pairs[k + 1]))}")
print("sum 1..6:")
print("total", run(sum_program(6)))
print("endless loop:", run([JMP, 0], max_steps=50))
print("instructions executed:", executed)
print(run([PUSH, 7, PUSH, 0, DIV, HALT]))

# List comprehensions over range(n) make room for n elements up front (up to a cap); the
# result must not depend on it: negative, zero and large n, str and float elements, nested
# comprehensions, appending afterwards, and an exception part way through a huge range.


def squares(n: int) -> list[int]:
    return [i * i for i in range(n)]


def main():
    for n in [-5, 0, 1, 3, 4096, 4097, 10000]:
        xs = squares(n)
        print(n, len(xs), sum(xs), xs[:3], xs[-2:])
    words = ["ab" * k for k in range(4)]
    print(words, [str(i) for i in range(3)], [0.5 * i for i in range(3)])
    grid = [[i + j for j in range(3)] for i in range(4)]
    print(grid)
    ys = [i for i in range(3)]
    ys.append(99)
    ys += [7 for _ in range(2)]
    print(ys, len(ys))
    n = 12
    print(len([c for c in "x" for _ in range(n)]), [k for k in range(n) if k % 5 == 0])
    try:
        big = [10 // (5 - i) for i in range(10 ** 12)]
        print(len(big))
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    print([True for _ in range(True)], [b for b in range(2)])


main()

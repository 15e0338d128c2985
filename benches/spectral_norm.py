# Benchmark: spectral norm of the infinite matrix A(i, j) = 1 / ((i + j)(i + j + 1) / 2 + i + 1),
# truncated to N x N, by 10 rounds of the power method (Computer Language Benchmarks Game).
import math

N = 1500


def a(i: int, j: int) -> float:
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v: list[float], out: list[float]):
    for i in range(N):
        s = 0.0
        for j in range(N):
            s += a(i, j) * v[j]
        out[i] = s


def mul_atv(v: list[float], out: list[float]):
    for i in range(N):
        s = 0.0
        for j in range(N):
            s += a(j, i) * v[j]
        out[i] = s


def mul_atav(v: list[float], out: list[float], tmp: list[float]):
    mul_av(v, tmp)
    mul_atv(tmp, out)


def main():
    u = [1.0] * N
    v = [0.0] * N
    tmp = [0.0] * N
    for i in range(10):
        mul_atav(u, v, tmp)
        mul_atav(v, u, tmp)
    vbv = 0.0
    vv = 0.0
    for i in range(N):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print(f"{math.sqrt(vbv / vv):.9f}")


main()

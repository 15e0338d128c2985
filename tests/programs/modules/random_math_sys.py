# random (seeded: CPython's exact sequence for random/randint/randrange/uniform/gauss/choice/shuffle/sample/getrandbits/expovariate), round/divmod/pow, math extras, sys.argv, sys.exit
import random
import math
import sys
random.seed(42)
print(random.random(), random.randint(1, 100), random.randrange(10), random.randrange(5, 50, 5))
print(random.uniform(1.5, 2.5), random.gauss(0, 1), random.gauss(10, 2), random.choice([1, 2, 3]), random.choice("abc"))
xs = list(range(20))
random.shuffle(xs)
print(xs)
print(random.sample(range(100), 10), random.sample(xs, 25 - 20 + 3))
print(random.sample(list(range(1000)), 30))
random.seed(2**40 + 7)
print([random.randint(0, 9) for _ in range(15)], random.getrandbits(32), random.expovariate(1.5))
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234.5678, -2), round(17, -1), round(15, -1))
print(divmod(17, 5), divmod(-17, 5), divmod(7.5, 2), pow(3, 4), pow(2, 10, 1000), pow(3, -1, 7))
print(math.factorial(10), math.gcd(12, 18), math.lcm(4, 6), math.comb(10, 3), math.perm(5, 2), math.isqrt(99))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.isclose(0.1 + 0.2, 0.3), math.trunc(-3.7), math.copysign(2, -0.0))
print(math.erf(0.5), math.gamma(5.5), math.lgamma(10), math.fmod(7.5, 2))
print(len(sys.argv), sys.argv[0].endswith(".py"))
sys.exit(3)

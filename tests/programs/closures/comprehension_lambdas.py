# Lambdas made in a comprehension: late binding of the loop variable vs capture through a default.

late = [lambda x: x + i for i in range(5)]
print("late binding:", [f(10) for f in late])
early = [lambda x, i=i: x + i for i in range(5)]
print("default capture:", [f(10) for f in early])

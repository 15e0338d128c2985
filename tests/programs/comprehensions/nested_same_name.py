# A comprehension inside another one that reuses its variable name has its own variable.

print([(sum(x for x in range(3)), x) for x in range(10, 12)])
print([([x for x in range(2)], x) for x in range(10, 12)])

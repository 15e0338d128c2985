# Every iteration writes the same list element: the index does not depend on the loop variable.
# expect: hits
# expect: same element
# at: 9
hits = [0] * 4
k = 2
@par
for i in range(100):
    hits[k] = i
print(hits)

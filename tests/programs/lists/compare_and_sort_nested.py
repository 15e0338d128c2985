# list comparison (==, !=, <, <=, >, >=) and sorting lists of lists
xs = [[3, 1], [1, 2], [1]]
print(sorted(xs))
print([1, 2] == [1, 2], [1, 2] != [1], [1, 2] < [1, 3], [2] > [1, 5], [] <= [])
print(sum([True, True, False]), sum([], 5))

# Regression: an empty list repeated (`[] * 5`) and typed by a later append.
xs = [] * 5
xs.append("a")
print(xs)

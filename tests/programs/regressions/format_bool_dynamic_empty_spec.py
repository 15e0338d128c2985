# Regression: format(bool, spec) and f"{bool:{spec}}" with a spec known only at run time.
s = ""
b = True
print(format(b, s), f"{b:{s}}")

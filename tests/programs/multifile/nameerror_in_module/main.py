# A NameError raised inside an imported module (see counter.py).
print("importing")
import counter

print(counter.counts)

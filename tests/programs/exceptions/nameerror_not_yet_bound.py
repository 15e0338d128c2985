# A close global that is not bound yet is not in the globals dict: no suggestion from it
# (`xs` is assigned after the failing call; a caught NameError's message never has one).
def g():
    return zs[0]


try:
    g()
except NameError as e:
    print("caught:", e)
print(g())
xs = [1]
zs = [2]

# a function reading a global that was never assigned (assignment in a branch not taken): NameError
def show():
    print("g is", g)
if len([1]) > 5:
    g = 1
print("calling")
show()

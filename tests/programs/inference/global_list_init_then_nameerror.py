# kiln: build
# A global list created by one function and filled by another, then a NameError from reading a global before assignment
def init():
    global data
    data = []

def use():
    data.append(2.5)
    return len(data)

init()
print(use(), use(), data)
def use_late():
    return late_list[0]
print("before")
print(use_late())
late_list = [1]

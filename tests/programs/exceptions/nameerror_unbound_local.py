# A local not yet assigned is still one of the frame's names CPython suggests from.
def scale(n):
    result = factr * n
    factor = 2
    return result * factor


print("scaling")
print(scale(3))
factr = 5

# kiln-only: mutual recursion 200000 deep (CPython would hit its recursion limit).
def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


print(is_even(200000), is_odd(200000), is_even(99999))

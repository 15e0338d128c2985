def record(v):
    global total
    total = v * 2

def report():
    return total

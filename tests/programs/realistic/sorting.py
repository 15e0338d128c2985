# Hand-written sorting: quicksort, bottom-up merge sort, heapsort, insertion sort, with comparison counts
comparisons = 0

def less(a, b):
    global comparisons
    comparisons += 1
    return a < b

def insertion_sort(xs):
    for i in range(1, len(xs)):
        key = xs[i]
        j = i - 1
        while j >= 0 and less(key, xs[j]):
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = key

def quicksort(xs, lo=0, hi=-1):
    if hi == -1:
        hi = len(xs) - 1
    if hi - lo < 8:
        for i in range(lo + 1, hi + 1):
            key = xs[i]
            j = i - 1
            while j >= lo and less(key, xs[j]):
                xs[j + 1] = xs[j]
                j -= 1
            xs[j + 1] = key
        return
    mid = (lo + hi) // 2
    pivot = xs[mid]
    i = lo
    j = hi
    while i <= j:
        while less(xs[i], pivot):
            i += 1
        while less(pivot, xs[j]):
            j -= 1
        if i <= j:
            xs[i], xs[j] = xs[j], xs[i]
            i += 1
            j -= 1
    if lo < j:
        quicksort(xs, lo, j)
    if i < hi:
        quicksort(xs, i, hi)

def merge_sort(xs):
    n = len(xs)
    buf = []
    for x in xs:
        buf.append(x)
    width = 1
    while width < n:
        for lo in range(0, n, 2 * width):
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i, j, k = lo, mid, lo
            while i < mid and j < hi:
                if less(xs[j], xs[i]):
                    buf[k] = xs[j]
                    j += 1
                else:
                    buf[k] = xs[i]
                    i += 1
                k += 1
            while i < mid:
                buf[k] = xs[i]
                i += 1
                k += 1
            while j < hi:
                buf[k] = xs[j]
                j += 1
                k += 1
        for t in range(n):
            xs[t] = buf[t]
        width *= 2

def sift_down(xs, start, end):
    root = start
    while 2 * root + 1 <= end:
        child = 2 * root + 1
        if child + 1 <= end and less(xs[child], xs[child + 1]):
            child += 1
        if less(xs[root], xs[child]):
            xs[root], xs[child] = xs[child], xs[root]
            root = child
        else:
            return

def heapsort(xs):
    n = len(xs)
    for start in range((n - 2) // 2, -1, -1):
        sift_down(xs, start, n - 1)
    for end in range(n - 1, 0, -1):
        xs[0], xs[end] = xs[end], xs[0]
        sift_down(xs, 0, end - 1)

def is_sorted(xs):
    for i in range(len(xs) - 1):
        if xs[i] > xs[i + 1]:
            return False
    return True

def make_data(n, seed):
    out = []
    for _ in range(n):
        seed = (seed * 48271) % 2147483647
        out.append(seed % 1000 - 500)
    return out

def copy(xs):
    ys = []
    for x in xs:
        ys.append(x)
    return ys

data = make_data(300, 42)
print("first ten:", data[0], data[1], data[2], data[3], data[4], data[5], data[6], data[7], data[8], data[9])
for name in ["insertion", "quick", "merge", "heap"]:
    xs = copy(data)
    comparisons = 0
    if name == "insertion":
        insertion_sort(xs)
    elif name == "quick":
        quicksort(xs)
    elif name == "merge":
        merge_sort(xs)
    else:
        heapsort(xs)
    print(f"{name:<10} sorted={is_sorted(xs)} comparisons={comparisons:>6} min={xs[0]} max={xs[-1]} median={xs[len(xs) // 2]}")
fl = [3.5, -1.25, 2.0, 1e10, -0.0, 0.0, 7.75]
heapsort(fl)
print(fl)
words = ["pear", "apple", "fig", "banana", "cherry", "date"]
quicksort(words)
print(words)
merge_sort(words)
print(words, comparisons)
empty = []
merge_sort(empty)
heapsort(empty)
print(empty, len(empty))

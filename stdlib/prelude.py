# kiln's prelude: builtins and methods written in kiln-Python.
#
# Every function here is generic: kiln compiles one instance per tuple of argument types, as it
# does for the program's own functions, so `sorted` on a list of ints and on a list of tuples
# are two native functions. The names are not visible to programs: the compiler calls `sum`
# here for the builtin `sum(...)`, and `list__index` for the method `xs.index(...)`. Frames of
# these functions never appear in tracebacks (as CPython's builtins, written in C, do not).
#
# Calls of `__kiln_*` names are intrinsics the compiler expands (frontend/src/lower/call.rs,
# `call_intrinsic`); they exist only here.


def sum(xs, start=0):
    if __kiln_elements_are_objects(xs):
        return _sum_objects(xs, start)
    else:
        # The total has the type of `start + element` (an int start with floats gives a float).
        total = __kiln_zero_like(xs) + start
        for x in xs:
            total += x
        return total


def _sum_objects(xs, start):
    # Instances (with `__add__`, and `__radd__` for an int start): `start + x0`, then `+ x`
    # for each further element, as CPython adds. The running total lives in a one-element
    # list, so that it has the instances' type from the start.
    acc = []
    for x in xs:
        if acc:
            acc[0] = acc[0] + x
        else:
            acc.append(start + x)
    if not acc:
        if __kiln_is_object(start):
            return start
        raise TypeError("kiln: sum() of no instances would be the int start, which kiln cannot mix with instances")
    return acc[0]


def _key_hash(x):
    # How dicts and sets hash instances of a class with `__hash__` (see ClassDecl::key_functions).
    return hash(x)


def _key_eq(a, b):
    # How dicts and sets compare such keys: identity first, as CPython's lookups do.
    return a is b or a == b


def any(xs):
    for x in xs:
        if x:
            return True
    return False


def all(xs):
    for x in xs:
        if not x:
            return False
    return True


def list__index(xs, value):
    i = 0
    for x in xs:
        if x == value:
            return i
        i += 1
    raise ValueError(repr(value) + " is not in list")


def list__count(xs, value):
    n = 0
    for x in xs:
        if x == value:
            n += 1
    return n


def list__reverse(xs):
    i = 0
    j = len(xs) - 1
    while i < j:
        t = xs[i]
        xs[i] = xs[j]
        xs[j] = t
        i += 1
        j -= 1


def list__insert(xs, index, value):
    n = len(xs)
    if index < 0:
        index += n
        if index < 0:
            index = 0
    if index > n:
        index = n
    xs.append(value)
    j = n
    while j > index:
        xs[j] = xs[j - 1]
        j -= 1
    xs[index] = value


def list__extend(xs, ys):
    n = len(ys)
    i = 0
    while i < n:
        xs.append(ys[i])
        i += 1


def list__copy(xs):
    out = xs * 1
    return out


def _insertion_sort(xs, reverse):
    # Stable; for short lists, where it beats merging.
    n = len(xs)
    i = 1
    while i < n:
        x = xs[i]
        j = i - 1
        if reverse:
            while j >= 0 and xs[j] < x:
                xs[j + 1] = xs[j]
                j -= 1
        else:
            while j >= 0 and x < xs[j]:
                xs[j + 1] = xs[j]
                j -= 1
        xs[j + 1] = x
        i += 1


def list__sort(xs, key=None, reverse=False):
    # `key` is None here; a call with a key function runs `list__sort__key`.
    if len(xs) < 16:
        _insertion_sort(xs, reverse)
        return
    _sort_by_keys(xs, xs * 1, reverse)


def sorted(xs, key=None, reverse=False):
    out = [x for x in xs]
    list__sort(out, None, reverse)
    return out


def _merge_sort_by(idx, keys, lo, hi, tmp, reverse):
    # Sorts the positions `idx[lo:hi]` by `keys[position]`, stably.
    if hi - lo < 2:
        return
    mid = (lo + hi) // 2
    _merge_sort_by(idx, keys, lo, mid, tmp, reverse)
    _merge_sort_by(idx, keys, mid, hi, tmp, reverse)
    i = lo
    j = mid
    k = lo
    while i < mid and j < hi:
        if reverse:
            take_right = keys[idx[i]] < keys[idx[j]]
        else:
            take_right = keys[idx[j]] < keys[idx[i]]
        if take_right:
            tmp[k] = idx[j]
            j += 1
        else:
            tmp[k] = idx[i]
            i += 1
        k += 1
    while i < mid:
        tmp[k] = idx[i]
        i += 1
        k += 1
    while j < hi:
        tmp[k] = idx[j]
        j += 1
        k += 1
    k = lo
    while k < hi:
        idx[k] = tmp[k]
        k += 1


def _sort_by_keys(xs, keys, reverse):
    # Reorders `xs` by `keys` (one per element), stably: the positions are merge-sorted.
    n = len(xs)
    idx = [i for i in range(n)]
    tmp = idx * 1
    _merge_sort_by(idx, keys, 0, n, tmp, reverse)
    items = xs * 1
    i = 0
    while i < n:
        xs[i] = items[idx[i]]
        i += 1


def list__sort__key(xs, key, reverse=False):
    # Each key is computed once, in order, as CPython does.
    _sort_by_keys(xs, [key(x) for x in xs], reverse)


def sorted__key(xs, key, reverse=False):
    out = [x for x in xs]
    list__sort__key(out, key, reverse)
    return out


def min__key(items, key):
    xs = [x for x in items]
    if len(xs) == 0:
        raise ValueError("min() arg is an empty sequence")
    best = xs[0]
    best_key = key(best)
    i = 1
    n = len(xs)
    while i < n:
        k = key(xs[i])
        if k < best_key:
            best = xs[i]
            best_key = k
        i += 1
    return best


def max__key(items, key):
    xs = [x for x in items]
    if len(xs) == 0:
        raise ValueError("max() arg is an empty sequence")
    best = xs[0]
    best_key = key(best)
    i = 1
    n = len(xs)
    while i < n:
        k = key(xs[i])
        if k > best_key:
            best = xs[i]
            best_key = k
        i += 1
    return best


def _range_list(start, stop, step):
    return [i for i in range(start, stop, step)]


def list(xs):
    return [x for x in xs]


def map(f, xs):
    # A list rather than a lazy iterator: the same values in the same order.
    return [f(x) for x in xs]


def filter(f, xs):
    return [x for x in xs if f(x)]


# List comparisons, as CPython: the first position where the elements differ (by `==`)
# decides with the operator itself; if one list is a prefix of the other, the lengths decide.


def _list_eq(a, b):
    if len(a) != len(b):
        return False
    i = 0
    n = len(a)
    while i < n:
        if not (a[i] == b[i]):
            return False
        i += 1
    return True


def _first_difference(a, b):
    n = min(len(a), len(b))
    i = 0
    while i < n:
        if not (a[i] == b[i]):
            return i
        i += 1
    return -1


def _list_lt(a, b):
    i = _first_difference(a, b)
    if i < 0:
        return len(a) < len(b)
    return a[i] < b[i]


def _list_le(a, b):
    i = _first_difference(a, b)
    if i < 0:
        return len(a) <= len(b)
    return a[i] <= b[i]


def _list_gt(a, b):
    i = _first_difference(a, b)
    if i < 0:
        return len(a) > len(b)
    return a[i] > b[i]


def _list_ge(a, b):
    i = _first_difference(a, b)
    if i < 0:
        return len(a) >= len(b)
    return a[i] >= b[i]


def zip(a, b):
    # A list of pairs (for loops over `zip(...)` do not build it; see lower/iter.rs).
    n = min(len(a), len(b))
    return [(a[i], b[i]) for i in range(n)]


def enumerate(xs, start=0):
    return [(start + i, xs[i]) for i in range(len(xs))]


def reversed(xs):
    return [xs[i] for i in range(len(xs) - 1, -1, -1)]


def list__pop(xs, index=-1):
    n = len(xs)
    if n == 0:
        raise IndexError("pop from empty list")
    if index < 0:
        index += n
    if index < 0 or index >= n:
        raise IndexError("pop index out of range")
    value = xs[index]
    i = index
    while i < n - 1:
        xs[i] = xs[i + 1]
        i += 1
    __kiln_list_truncate(xs, n - 1)
    return value


def list__remove(xs, value):
    n = len(xs)
    i = 0
    while i < n:
        if xs[i] == value:
            while i < n - 1:
                xs[i] = xs[i + 1]
                i += 1
            __kiln_list_truncate(xs, n - 1)
            return
        i += 1
    raise ValueError("list.remove(x): x not in list")


def list__clear(xs):
    __kiln_list_truncate(xs, 0)


def _list_delitem(xs, index):
    n = len(xs)
    if index < 0:
        index += n
    if index < 0 or index >= n:
        raise IndexError("list assignment index out of range")
    i = index
    while i < n - 1:
        xs[i] = xs[i + 1]
        i += 1
    __kiln_list_truncate(xs, n - 1)


def _slice_bounds(n, start, stop, step, given):
    # CPython's PySlice_AdjustIndices; `given` has bit 0 for start, bit 1 for stop.
    if step == 0:
        raise ValueError("slice step cannot be zero")
    if step > 0:
        lo = 0
        hi = n
        if given & 1:
            lo = start
            if lo < 0:
                lo += n
                if lo < 0:
                    lo = 0
            elif lo > n:
                lo = n
        if given & 2:
            hi = stop
            if hi < 0:
                hi += n
                if hi < 0:
                    hi = 0
            elif hi > n:
                hi = n
        return (lo, hi)
    lo = n - 1
    hi = -1
    if given & 1:
        lo = start
        if lo < 0:
            lo += n
            if lo < 0:
                lo = -1
        elif lo >= n:
            lo = n - 1
    if given & 2:
        hi = stop
        if hi < 0:
            hi += n
            if hi < 0:
                hi = -1
        elif hi >= n:
            hi = n - 1
    return (lo, hi)


def _list_slice(xs, start, stop, step, given):
    lo, hi = _slice_bounds(len(xs), start, stop, step, given)
    out = xs * 0
    i = lo
    if step > 0:
        while i < hi:
            out.append(xs[i])
            i += step
    else:
        while i > hi:
            out.append(xs[i])
            i += step
    return out


# Dicts and sets (the operations that need no compiler support; see lower/dicts.rs).


def _dict_repr(d):
    return "{" + ", ".join([repr(k) + ": " + repr(d[k]) for k in d]) + "}"


def _set_repr(s):
    if len(s) == 0:
        return "set()"
    return "{" + ", ".join([repr(x) for x in s]) + "}"


def _dict_from_pairs(pairs):
    d = {}
    for k, v in pairs:
        d[k] = v
    return d


def dict__get(d, key, default=None):
    if key in d:
        return d[key]
    return default


def dict__keys(d):
    return [k for k in d]


def dict__values(d):
    return [d[k] for k in d]


def dict__items(d):
    return [(k, d[k]) for k in d]


def dict__setdefault(d, key, default):
    if key in d:
        return d[key]
    d[key] = default
    return default


def dict__update(d, other):
    for k in other:
        d[k] = other[k]


def _floats(xs):
    return [float(x) for x in xs]


# random: the algorithms of CPython 3.11's Lib/random.py over the same `_randbelow`, so a
# seeded program draws exactly CPython's values.


def random__choice(seq):
    if len(seq) == 0:
        raise IndexError("Cannot choose from an empty sequence")
    return seq[__kiln_randbelow(len(seq))]


def random__shuffle(x):
    i = len(x) - 1
    while i > 0:
        j = __kiln_randbelow(i + 1)
        t = x[i]
        x[i] = x[j]
        x[j] = t
        i -= 1


def random__sample(population, k):
    n = len(population)
    if k < 0 or k > n:
        raise ValueError("Sample larger than population or is negative")
    result = population * 0
    setsize = 21
    if k > 5:
        setsize += 4 ** __kiln_ceil_log4(k * 3)
    if n <= setsize:
        pool = population * 1
        i = 0
        while i < k:
            j = __kiln_randbelow(n - i)
            result.append(pool[j])
            pool[j] = pool[n - i - 1]
            i += 1
    else:
        selected = set()
        i = 0
        while i < k:
            j = __kiln_randbelow(n)
            while j in selected:
                j = __kiln_randbelow(n)
            selected.add(j)
            result.append(population[j])
            i += 1
    return result


def _dict_eq(a, b):
    if len(a) != len(b):
        return False
    for k in a:
        if k not in b:
            return False
        if not (a[k] == b[k]):
            return False
    return True


def _list_set_slice(xs, start, stop, step, given, values):
    # `xs[start:stop:step] = values` (CPython's list_ass_subscript).
    n = len(xs)
    lo, hi = _slice_bounds(n, start, stop, step, given)
    items = [v for v in values]
    if step == 1:
        if hi < lo:
            hi = lo
        tail = [xs[i] for i in range(hi, n)]
        __kiln_list_truncate(xs, lo)
        for v in items:
            xs.append(v)
        for v in tail:
            xs.append(v)
        return
    count = 0
    i = lo
    while (step > 0 and i < hi) or (step < 0 and i > hi):
        count += 1
        i += step
    if len(items) != count:
        raise ValueError("attempt to assign sequence of size " + str(len(items)) + " to extended slice of size " + str(count))
    i = lo
    for v in items:
        xs[i] = v
        i += step


def _list_del_slice(xs, start, stop, step, given):
    n = len(xs)
    lo, hi = _slice_bounds(n, start, stop, step, given)
    doomed = set()
    i = lo
    while (step > 0 and i < hi) or (step < 0 and i > hi):
        doomed.add(i)
        i += step
    kept = [xs[i] for i in range(n) if i not in doomed]
    __kiln_list_truncate(xs, 0)
    for v in kept:
        xs.append(v)


# ----- exception args ---------------------------------------------------------------------
# An exception's `args` are a list of tagged texts: "s" + the argument when it is a str,
# "r" + its repr otherwise (kiln_ir::Expression::ExceptionArgs).


def _exc_arg_repr(item):
    if item[0] == "s":
        return repr(item[1:])
    return item[1:]


def _exc_args_repr(items):
    if len(items) == 1:
        return "(" + _exc_arg_repr(items[0]) + ",)"
    return "(" + ", ".join([_exc_arg_repr(x) for x in items]) + ")"


def _exc_repr(name, items):
    return name + "(" + ", ".join([_exc_arg_repr(x) for x in items]) + ")"


def _exc_args_item(items, index):
    n = len(items)
    if index < -n or index >= n:
        raise IndexError("tuple index out of range")
    item = items[index]
    if item[0] != "s":
        raise TypeError("kiln knows the arguments of an exception only as text: args[" + str(index) + "] is " + item[1:] + ", not a str")
    return item[1:]


# ----- range objects (a range is its start, stop and a step that is not zero) -----


def _range_len(start, stop, step):
    if step > 0:
        if stop <= start:
            return 0
        return (stop - start - 1) // step + 1
    if stop >= start:
        return 0
    return (start - stop - 1) // (0 - step) + 1


def _range_item(start, stop, step, i):
    n = _range_len(start, stop, step)
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError("range object index out of range")
    return start + i * step


def _range_contains(start, stop, step, x):
    if step > 0:
        if x < start or x >= stop:
            return False
    elif x > start or x <= stop:
        return False
    return (x - start) % step == 0


def _range_repr(start, stop, step):
    if step == 1:
        return "range(" + str(start) + ", " + str(stop) + ")"
    return "range(" + str(start) + ", " + str(stop) + ", " + str(step) + ")"


def _range_eq(start, stop, step, start2, stop2, step2):
    # Ranges are equal when they hold the same values, whatever their bounds.
    n = _range_len(start, stop, step)
    if n != _range_len(start2, stop2, step2):
        return False
    if n == 0:
        return True
    if start != start2:
        return False
    return n == 1 or step == step2


# A tuple of run-time length (`*args` of `f(*xs)`) prints as its list does, in parentheses.
def _var_tuple_repr(text, n):
    if n == 1:
        return "(" + text[1:-1] + ",)"
    return "(" + text[1:-1] + ")"


# The items of `xs` from `start` on, as a new list (the `*args` part of a spread).
def _list_from(xs, start):
    return [xs[i] for i in range(start, len(xs))]


def _str_partition(s, sep, from_right):
    if sep == "":
        raise ValueError("empty separator")
    if from_right:
        i = s.rfind(sep)
        if i < 0:
            return ("", "", s)
    else:
        i = s.find(sep)
        if i < 0:
            return (s, "", "")
    return (s[:i], sep, s[i + len(sep):])


# `zip(*rows)` of lists or strs: column i holds item i of every row, for i below the
# shortest row's length.
def _zip_spread(rows):
    n = 0
    if len(rows) > 0:
        n = min([len(r) for r in rows])
    return [[r[i] for r in rows] for i in range(n)]


# collections.defaultdict and collections.Counter (see frontend/src/lower/collections.rs).
# The frontend passes the dicts here as plain dicts (same storage), so `d[k]` below is a
# plain lookup.


def _call0(f):
    return f()


def _counter_from(xs):
    c = {}
    for x in xs:
        c[x] = c.get(x, 0) + 1
    return c


def _counter_from_map(m):
    c = {}
    for k in m:
        c[k] = m[k]
    return c


def _counter_update(c, xs):
    for x in xs:
        c[x] = c.get(x, 0) + 1


def _counter_update_map(c, m):
    for k in m:
        c[k] = c.get(k, 0) + m[k]


def _counter_subtract(c, xs):
    for x in xs:
        c[x] = c.get(x, 0) - 1


def _counter_subtract_map(c, m):
    for k in m:
        c[k] = c.get(k, 0) - m[k]


# CPython sorts the items by count with reverse=True, a stable sort: ties keep insertion order.
def _counter_most_common(c):
    return sorted__key(c.items(), lambda item: item[1], True)


def _counter_most_common_n(c, n):
    if n <= 0:
        return [item for item in c.items() if False]
    return _counter_most_common(c)[:n]


def _counter_total(c):
    t = 0
    for k in c:
        t += c[k]
    return t


def _counter_elements(c):
    out = []
    for k in c:
        for _ in range(c[k]):
            out.append(k)
    return out


def _counter_add(a, b):
    out = {}
    for k in a:
        n = a[k] + b.get(k, 0)
        if n > 0:
            out[k] = n
    for k in b:
        if k not in a and b[k] > 0:
            out[k] = b[k]
    return out


def _counter_sub(a, b):
    out = {}
    for k in a:
        n = a[k] - b.get(k, 0)
        if n > 0:
            out[k] = n
    return out


# Since 3.10 a missing element counts as zero: Counter(a=0) == Counter().
def _counter_eq(a, b):
    for k in a:
        if a[k] != b.get(k, 0):
            return False
    for k in b:
        if b[k] != a.get(k, 0):
            return False
    return True


def _counter_repr(c):
    if len(c) == 0:
        return "Counter()"
    return "Counter({" + ", ".join([repr(k) + ": " + repr(v) for k, v in _counter_most_common(c)]) + "})"

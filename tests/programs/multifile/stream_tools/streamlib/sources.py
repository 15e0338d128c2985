# Generator sources: from a list, an infinite counter, a bounded take, sliding windows and text lines.
import streamlib


def from_list(xs):
    streamlib.CREATED[0] += 1
    for x in xs:
        streamlib.PULLED[0] += 1
        yield x


def counter(start, step):
    streamlib.CREATED[0] += 1
    n = start
    while True:
        yield n
        n += step


def take(n, gen):
    i = 0
    for x in gen:
        if i == n:
            break
        yield x
        i += 1


def windows(xs, size):
    for i in range(len(xs) - size + 1):
        yield sum(xs[i:i + size])


def lines_of(text):
    for line in text.split("\n"):
        if line != "":
            yield line

# Anagram classes of generated words: sorted-letter keys (str methods, join, sorted), a dict of
# lists, tuples, and a report of the largest classes.
import random


def main():
    random.seed(7)
    letters = "abcdeilnorst"
    words = []
    for i in range(200000):
        n = random.randint(3, 6)
        words.append("".join([random.choice(letters) for _ in range(n)]))
    classes = {}
    for w in words:
        key = "".join(sorted(w))
        if key in classes:
            classes[key].append(w)
        else:
            classes[key] = [w]
    sizes = sorted([(len(set(v)), k) for k, v in classes.items()], reverse=True)
    for size, key in sizes[:8]:
        print(f"{key:<8} {size:4d} {', '.join(sorted(set(classes[key]))[:4])}")
    print(len(classes), sum(len(v) for v in classes.values()))


main()

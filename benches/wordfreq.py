# Word frequency over a generated text: str.split, dict counting, sorting by count.
import random


def make_text(n_words: int) -> str:
    random.seed(12345)
    syllables = ["ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "zu", "ve"]
    words = []
    for i in range(n_words):
        k = random.randint(1, 3)
        w = ""
        for j in range(k):
            w += random.choice(syllables)
        words.append(w)
    return " ".join(words)


def main():
    text = make_text(600000)
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    for w, c in top:
        print(f"{w:>10} {c:6d}")
    print(len(counts), sum(counts.values()))


main()

# Word statistics built on the tokenizer module.
from tokenizer import tokens, content_words

print("loading module", __name__)

calls = 0


def frequencies(text):
    global calls
    calls += 1
    freq = {}
    for w in content_words(text):
        freq[w] = freq.get(w, 0) + 1
    return freq


def top(text, n):
    freq = frequencies(text)
    return sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def average_length(text):
    ws = tokens(text)
    return sum(len(w) for w in ws) / len(ws)


def call_count():
    return calls


if __name__ == "__main__":
    print("stats self-test (must not run on import)")

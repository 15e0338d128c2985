# Tokenizer module with a self-test that only runs when executed directly.
print("loading module", __name__)

STOP_WORDS = ["the", "a", "an", "of", "and", "to", "in", "is"]


def tokens(text):
    out = []
    word = ""
    for ch in text.lower():
        if ch.isalnum() or ch == "'":
            word += ch
        else:
            if word:
                out.append(word)
            word = ""
    if word:
        out.append(word)
    return out


def content_words(text):
    return [w for w in tokens(text) if w not in STOP_WORDS]


if __name__ == "__main__":
    print("tokenizer self-test (must not run on import)")
    print(tokens("Hello, world!"))

# Modules with `if __name__ == "__main__":` self-tests that must not run on import.
import tokenizer
import stats
from stats import top, average_length
from pkg import sub

TEXT = """The art of programming is the art of organizing complexity, of mastering
multitude and avoiding its bastard chaos as effectively as possible. A program is
a model of the world, and the world is complex."""

if __name__ == "__main__":
    print("running as", __name__, "| tokenizer is", tokenizer.__name__, "| stats is", stats.__name__)
    print(tokenizer.tokens("Don't stop-believing, 42 times!"))
    print(len(tokenizer.tokens(TEXT)), len(tokenizer.content_words(TEXT)))
    print(top(TEXT, 5))
    print(f"{average_length(TEXT):.4f}")
    print(stats.frequencies("x y x z x")["x"], "a" in tokenizer.STOP_WORDS)
    print("stats calls:", stats.call_count())
    for line in sub.boxed(sub.wrap(TEXT)):
        print(line)
    for line in sub.wrap(TEXT, 50):
        print(line)

# Word frequency report: split/lower/strip punctuation, dict counting, sorting by (-count, word), formatted table
text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness."""
counts = {}
total = 0
for line in text.splitlines():
    for raw in line.split():
        w = raw.strip(".,;:!?").lower()
        if not w:
            continue
        counts[w] = counts.get(w, 0) + 1
        total += 1
print(f"{total} words, {len(counts)} distinct")
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
print(f"{'word':<12}{'count':>6}{'share':>8}")
print("-" * 26)
for word, c in ranked[:8]:
    print(f"{word:<12}{c:>6}{c / total:>8.1%}")
by_len = {}
for w in counts:
    if len(w) in by_len:
        by_len[len(w)].append(w)
    else:
        by_len[len(w)] = [w]
for n in sorted(by_len):
    print(n, sorted(by_len[n]))
letters = {}
for ch in text.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
top = sorted(letters, key=lambda k: letters[k], reverse=True)[:5]
print("top letters:", " ".join(f"{k}={letters[k]}" for k in top))
vowels = sum(letters.get(v, 0) for v in "aeiou")
print("vowels %d of %d letters (%.2f%%)" % (vowels, sum(letters.values()), 100 * vowels / sum(letters.values())))
singles = [w for w, c in counts.items() if c == 1]
print(len(singles), singles)
print(max(list(counts), key=lambda k: (len(k), k)))

# kiln: build
# Non-ASCII text: len counts code points, not bytes.
words = ["héllo", "naïve", "日本語", "🎉", "👍🏽", "e\u0301", "Ωmega", "ß", "", "a\tb", "line\nbreak"]
for w in words:
    print(w, len(w))
mix = "héllo" + " " + "🎉" + "日本"
print(mix, len(mix))
print("café" == "cafe\u0301", "café" == "caf\u00e9", "\u00e9" == "é")
print(len("\U0001F600"), "\U0001F600", len("\x41\x42"), "\x41\x42")
print(["héllo", "🎉", "日本語"])

# repr() of strings inside a printed list escapes characters that Unicode does not consider
# printable (this needs the Unicode database, not just an ASCII check).
print(["\u200b", "\u00a0", "\u2028", "\ufeff", "\u0301", "\U0001F600", "\u00ad", "\u3000", "\ud7ff"])
print(["tab\there", "\r\n", "\x1f\x20\x7e\x7f\x80\x9f\xa0\xa1"])

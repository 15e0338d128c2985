# raise of a builtin exception class called without a message.
count = 0
while count < 10:
    count += 1
    print("count", count)
    if count == 4:
        raise TypeError()

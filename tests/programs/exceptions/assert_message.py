# kiln: build
# AssertionError with an f-string message.
balance = 100
for spend in [30, 50, 40]:
    assert balance >= spend, f"cannot spend {spend}, balance is {balance}"
    balance -= spend
    print("spent", spend, "left", balance)

# kiln: build
# FizzBuzz three ways.
for i in range(1, 31):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)
line = ""
for i in range(1, 16):
    word = ""
    if i % 3 == 0:
        word = word + "Fizz"
    if i % 5 == 0:
        word = word + "Buzz"
    if word == "":
        word = str(i)
    line = line + word + ","
print(line)
for i in range(1, 16):
    print("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i), end=" ")
print()

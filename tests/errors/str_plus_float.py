# Concatenating a str and a float without str().
# expect: str
# expect: float
# at: 6
price = 2.5
label = "price: " + price
print(label)

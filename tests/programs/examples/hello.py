# The smallest kiln program.
name = "kiln"
print("Hello, world!")
print(f"Hello from {name}: {6 * 7} is the answer, pi is about {3.14159:.2f}")

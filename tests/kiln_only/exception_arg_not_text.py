# kiln keeps exception arguments as text: args[i] of a non-str argument raises TypeError.
try:
    raise ValueError("code", 42)
except ValueError as e:
    print(e.args, e.args[0])
    print(e.args[1])

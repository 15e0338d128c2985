# the z (negative zero coercion) format flag, NUL fill, very large precision
print(format(1.0, "z.1f"), format(-0.0001, "z.1f"), format(-0.0, "z"), format(5, "\x00<5"), len(format(1.5, ".1000f")), format(1.5, ".1000f"))
print(f"{-0.0:z}", f"{-1e-9:z.3e}", f"{-0.0:z%}")

# Text plugins: register themselves with the registry when imported.
import registry

print("plugins.text: loading as", __name__)
LAST = ["none"]


def upper(s):
    LAST[0] = "upper"
    return s.upper()


def reverse(s):
    LAST[0] = "reverse"
    return s[::-1]


def shout(s):
    LAST[0] = "shout"
    return upper(s) + "!"


def pad(s, width):
    return s.center(width, ".")


registry.register("upper", upper)
registry.register("reverse", reverse)
registry.register("shout", shout)

# Multi-file program: a registry module with global state, a plugins package whose submodules register at import.
print("main: start")
import registry as reg
from plugins import text
from plugins.numbers import scale, describe_number
import plugins
from registry import run, registered_names

print("main: imports done, plugins version", plugins.VERSION)


def main():
    print("names:", registered_names())
    print("count:", reg.count())
    for name in ["upper", "reverse", "shout", "missing"]:
        print(name, "->", run(name, "hello kiln"))
    print("calls:", reg.calls, "misses:", reg.misses)
    print(text.pad("ok", 6), "|", text.shout("bye"), "|", text.LAST[0])
    print(scale(7), scale(-2), describe_number(0), describe_number(12), describe_number(-5))
    reg.reset_stats()
    print("after reset:", reg.calls, reg.misses, reg.count())
    print(run("reverse", "abc"), run("upper", "x"), reg.calls)
    reg.register("twice", lambda s: s + s)
    print(run("twice", "ab"), registered_names())


if __name__ == "__main__":
    main()
print("main: end")

# Functions without a return value return None; bare return; early return.
def say(msg):
    print("say:", msg)


def maybe_stop(n):
    for i in range(n):
        if i == 3:
            print("stopping early at", i)
            return
        print("step", i)


r = say("hello")
print(r)
print(say("inline"))
maybe_stop(2)
maybe_stop(10)
print(maybe_stop(0))
x = None
print(x, None)

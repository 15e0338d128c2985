# A dispatcher calls closures that may raise; each error is caught, logged and counted per handler.


class HandlerError(Exception):
    def __init__(self, handler, message):
        super().__init__(message)
        self.handler = handler


errors = {}


def dispatch(handlers, event):
    results = []
    for name in handlers:
        try:
            results.append(handlers[name](event))
        except HandlerError as e:
            errors[e.handler] = errors.get(e.handler, 0) + 1
            results.append(f"<{e.handler} failed: {e}>")
        except (KeyError, IndexError) as e:
            errors[name] = errors.get(name, 0) + 1
            results.append(f"<{name}: {type(e).__name__} {e}>")
    return results


def make_parser(sep):
    def parse(event):
        parts = event.split(sep)
        return f"{parts[0]}/{parts[1]}"
    return parse


prices = {"apple": 3, "pear": 5}


def make_pricer(qty):
    def price(event):
        item = event.split(":")[0]
        return f"{item} x{qty} = {prices[item] * qty}"
    return price


def make_strict(max_len):
    def strict(event):
        if len(event) > max_len:
            raise HandlerError("strict", f"{len(event)} chars > {max_len}")
        return event.upper()
    return strict


handlers = {"parse": make_parser(":"), "price": make_pricer(2), "strict": make_strict(8)}
for event in ["apple:red", "pear:green", "kiwi:brown", "plum", "apple"]:
    print(event, "->", dispatch(handlers, event))
print(sorted(errors.items()))

failures = []


def run_all(tasks):
    done = 0
    for t in tasks:
        try:
            t()
            done += 1
        except Exception as e:
            failures.append(type(e).__name__)
        finally:
            print("  task finished, done =", done)
    return done


def make_task(kind):
    def task():
        if kind == 1:
            raise ValueError("bad value")
        if kind == 2:
            return 1 // 0
        if kind == 3:
            return [1, 2][5]
        return kind
    return task


print(run_all([make_task(k) for k in [0, 1, 4, 2, 3, 0]]), failures)

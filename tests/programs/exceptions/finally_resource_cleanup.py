# try/finally guaranteeing cleanup of resources held by objects, even when work fails midway.


class Connection:
    open_count = 0
    opened_total = 0

    def __init__(self, name):
        self.name = name
        self.closed = False
        self.sent = []
        Connection.open_count += 1
        Connection.opened_total += 1

    def send(self, msg):
        if self.closed:
            raise RuntimeError(f"{self.name}: send on closed connection")
        if "!" in msg:
            raise ValueError(f"{self.name}: illegal message {msg!r}")
        self.sent.append(msg)

    def close(self):
        if not self.closed:
            self.closed = True
            Connection.open_count -= 1


def deliver(name, messages):
    conn = Connection(name)
    try:
        for m in messages:
            conn.send(m)
        return len(conn.sent)
    finally:
        conn.close()
        print(f"  closed {name} after {len(conn.sent)} messages (open now: {Connection.open_count})")


batches = [("a", ["hi", "there"]), ("b", ["ok", "bad!", "never"]), ("c", []), ("d", ["x", "y", "z!"])]
for name, msgs in batches:
    try:
        print(name, "delivered", deliver(name, msgs))
    except ValueError as e:
        print(name, "failed:", e)
print("open:", Connection.open_count, "opened:", Connection.opened_total)

pool = [Connection("p" + str(i)) for i in range(3)]
print("pool open:", Connection.open_count)
try:
    for i, c in enumerate(pool):
        try:
            c.send("msg" + str(i))
            if i == 1:
                c.close()
                c.send("again")
        finally:
            c.close()
except RuntimeError as e:
    print("pool error:", e)
finally:
    for c in pool:
        c.close()
print("pool open after:", Connection.open_count, [c.sent for c in pool], [c.closed for c in pool])

# A Richards-style operating-system task scheduler simulation (after Martin Richards' benchmark):
# packets linked through None-or-Packet fields, a Task base class with four subclasses overriding
# fn(), task records owned by each task, and a scheduler loop with dynamic dispatch.
# Optional size: the number of scheduler runs (default 15).
import sys

I_IDLE = 1
I_WORK = 2
I_HANDLERA = 3
I_HANDLERB = 4
I_DEVA = 5
I_DEVB = 6

K_DEV = 1000
K_WORK = 1001

BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        nxt = p.link
        while nxt is not None:
            p = nxt
            nxt = p.link
        p.link = self
        return lst


class DeviceTaskRec:
    def __init__(self):
        self.pending = None


class IdleTaskRec:
    def __init__(self):
        self.control = 1
        self.count = 10000


class HandlerTaskRec:
    def __init__(self):
        self.work_in = None
        self.device_in = None

    def work_in_add(self, p):
        self.work_in = p.append_to(self.work_in)
        return self.work_in

    def device_in_add(self, p):
        self.device_in = p.append_to(self.device_in)
        return self.device_in


class WorkerTaskRec:
    def __init__(self):
        self.destination = I_HANDLERA
        self.count = 0


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def packet_pending_state(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False
        return self

    def waiting(self):
        self.packet_pending = False
        self.task_waiting = True
        self.task_holding = False
        return self

    def running(self):
        self.packet_pending = False
        self.task_waiting = False
        self.task_holding = False
        return self

    def waiting_with_packet(self):
        self.packet_pending = True
        self.task_waiting = True
        self.task_holding = False
        return self

    def is_task_holding_or_waiting(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def is_waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class TaskWorkArea:
    def __init__(self):
        self.task_tab = {}
        self.task_list = None
        self.hold_count = 0
        self.qpkt_count = 0
        self.trace = []


area = TaskWorkArea()


class Task(TaskState):
    def __init__(self, ident, priority, input, state):
        super().__init__()
        self.link = area.task_list
        self.ident = ident
        self.priority = priority
        self.input = input
        self.packet_pending = state.packet_pending
        self.task_waiting = state.task_waiting
        self.task_holding = state.task_holding
        area.task_list = self
        area.task_tab[ident] = self

    def fn(self, pkt):
        return None

    def add_packet(self, p, old):
        inp = self.input
        if inp is None:
            self.input = p
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            p.append_to(inp)
        return old

    def run_task(self):
        msg = None
        if self.is_waiting_with_packet():
            msg = self.input
            if msg is not None:
                self.input = msg.link
            if self.input is None:
                self.running()
            else:
                self.packet_pending_state()
        return self.fn(msg)

    def wait_task(self):
        self.task_waiting = True
        return self

    def hold(self):
        area.hold_count += 1
        self.task_holding = True
        return self.link

    def release(self, ident):
        t = self.find_tcb(ident)
        t.task_holding = False
        if t.priority > self.priority:
            return t
        return self

    def qpkt(self, pkt):
        t = self.find_tcb(pkt.ident)
        area.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.ident
        return t.add_packet(pkt, self)

    def find_tcb(self, ident):
        if ident not in area.task_tab:
            raise ValueError("bad task id " + str(ident))
        return area.task_tab[ident]


class DeviceTask(Task):
    def __init__(self, ident, priority, input, state):
        super().__init__(ident, priority, input, state)
        self.rec = DeviceTaskRec()

    def fn(self, pkt):
        d = self.rec
        if pkt is None:
            pending = d.pending
            if pending is None:
                return self.wait_task()
            d.pending = None
            return self.qpkt(pending)
        d.pending = pkt
        if len(area.trace) < 64:
            area.trace.append(pkt.datum)
        return self.hold()


class HandlerTask(Task):
    def __init__(self, ident, priority, input, state):
        super().__init__(ident, priority, input, state)
        self.rec = HandlerTaskRec()

    def fn(self, pkt):
        h = self.rec
        if pkt is not None:
            if pkt.kind == K_WORK:
                h.work_in_add(pkt)
            else:
                h.device_in_add(pkt)
        work = h.work_in
        if work is None:
            return self.wait_task()
        count = work.datum
        if count >= BUFSIZE:
            h.work_in = work.link
            return self.qpkt(work)
        dev = h.device_in
        if dev is None:
            return self.wait_task()
        h.device_in = dev.link
        dev.datum = work.data[count]
        work.datum = count + 1
        return self.qpkt(dev)


class IdleTask(Task):
    def __init__(self, ident, priority, input, state):
        super().__init__(ident, priority, input, state)
        self.rec = IdleTaskRec()

    def fn(self, pkt):
        i = self.rec
        i.count -= 1
        if i.count == 0:
            return self.hold()
        if i.control & 1 == 0:
            i.control //= 2
            return self.release(I_DEVA)
        i.control = i.control // 2 ^ 0xD008
        return self.release(I_DEVB)


A = ord("A")


class WorkTask(Task):
    def __init__(self, ident, priority, input, state):
        super().__init__(ident, priority, input, state)
        self.rec = WorkerTaskRec()

    def fn(self, pkt):
        w = self.rec
        if pkt is None:
            return self.wait_task()
        dest = I_HANDLERB if w.destination == I_HANDLERA else I_HANDLERA
        w.destination = dest
        pkt.ident = dest
        pkt.datum = 0
        for i in range(BUFSIZE):
            w.count += 1
            if w.count > 26:
                w.count = 1
            pkt.data[i] = A + w.count - 1
        return self.qpkt(pkt)


def schedule():
    steps = 0
    t = area.task_list
    while t is not None:
        steps += 1
        if t.is_task_holding_or_waiting():
            t = t.link
        else:
            t = t.run_task()
    return steps


def setup():
    area.task_tab = {}
    area.task_list = None
    area.hold_count = 0
    area.qpkt_count = 0
    IdleTask(I_IDLE, 1, None, TaskState().running())
    wkq = Packet(None, 0, K_WORK)
    wkq = Packet(wkq, 0, K_WORK)
    WorkTask(I_WORK, 1000, wkq, TaskState().waiting_with_packet())
    wkq = Packet(None, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    HandlerTask(I_HANDLERA, 2000, wkq, TaskState().waiting_with_packet())
    wkq = Packet(None, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    HandlerTask(I_HANDLERB, 3000, wkq, TaskState().waiting_with_packet())
    DeviceTask(I_DEVA, 4000, None, TaskState().waiting())
    DeviceTask(I_DEVB, 5000, None, TaskState().waiting())


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    ok = 0
    total_steps = 0
    for r in range(runs):
        setup()
        steps = schedule()
        total_steps += steps
        good = area.hold_count == 9297 and area.qpkt_count == 23246
        if good:
            ok += 1
        if r < 3 or r == runs - 1:
            print(f"run {r}: steps={steps} hold_count={area.hold_count} qpkt_count={area.qpkt_count} ok={good}")
    print("device trace:", "".join(chr(v) for v in area.trace[:48]))
    print(f"{ok}/{runs} runs correct, {total_steps} scheduler steps")
    t = area.task_list
    while t is not None:
        print(f"task {t.ident} priority {t.priority} holding={t.task_holding} waiting={t.task_waiting} pending={t.packet_pending}")
        t = t.link
    bad = area.task_tab[I_IDLE]
    try:
        bad.find_tcb(42)
    except ValueError as e:
        print("error:", e)


main()

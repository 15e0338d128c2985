"""The ``gpu`` kernel API for CPython: the slow reference implementation (see docs/gpu.md).

    import gpu                    # under ``python3 -m kiln`` (the runner registers the module)
    from kiln import gpu          # everywhere

    @gpu.kernel
    def saxpy(a, x, y, out):
        i = gpu.block.x * gpu.block.dim.x + gpu.thread.x
        if i < len(x):
            out[i] = a * x[i] + y[i]

    saxpy(2.0, xs, ys, out, grid=(n + 255) // 256, block=256)

A launch checks its dimensions, then runs every block of the grid (``x`` fastest, then ``y``,
then ``z``) and every thread of a block (thread ``x`` fastest) on the calling thread, one after
another, each as a plain call of the kernel function. Lists passed to a kernel are the kernel's
arrays: its writes land in them directly, and indexing them is Python's own list indexing, so an
index out of range raises CPython's ``IndexError`` from the kernel's line.

``gpu.syncthreads()``: a kernel that can reach ``syncthreads`` (its code, or that of a function
it calls, names it) runs each thread of a block on its own Python thread, but still one thread
at a time and in a fixed order: thread 0 runs until it reaches a barrier or returns, then thread
1, ..., and when every thread that has not returned waits at a barrier, the next phase starts
again with the lowest such thread. A thread that returned (or failed) counts as arrived. So a
launch is deterministic, and the same as the sequential order wherever the kernel has no barrier.

Shared arrays (``gpu.shared.array``) are static, as on a GPU: one per block and per call site
(the chain of call sites from the kernel down, so a helper function called from two places has
two), zero-initialised when the block starts; reaching the same call site again gives the same
array.

Errors: a thread whose kernel code raises ends there; the other threads go on. After the launch
the exception is raised again on the host: the failure that comes first in the kernel's source
(compared by line numbers, outermost call first: docs/gpu.md's "failing check that comes
first in the kernel's source"), and among equal ones the one that failed first. Its traceback is the launching line, then the kernel's line (and any helper's lines);
the frames of this module are left out by the runner's report (``python3 -m kiln``).
"""

import struct as _struct
import sys as _sys
import threading as _threading

__all__ = [
    "kernel", "thread", "block", "grid", "syncthreads", "shared", "atomic", "to_device",
    "synchronize", "DeviceArray", "float32",
]

MAX_THREADS_PER_BLOCK = 1024


# --------------------------------------------------------------------------------------------
# float32

_pack_f = _struct.Struct("f").pack
_unpack_f = _struct.Struct("f").unpack


def _round32(x):
    """x (an int or float) rounded to the nearest IEEE single, as a Python float."""
    try:
        return _unpack_f(_pack_f(x))[0]
    except OverflowError:  # rounds to an infinity
        return float("inf") if x > 0 else float("-inf")


class float32(float):
    """A 32-bit float: a ``float`` whose value is always an IEEE single.

    Arithmetic with a ``float32`` operand and an ``int``, ``float`` or ``float32`` operand
    converts the other operand to 32 bits, computes, and rounds the result to 32 bits: the result
    is a ``float32``. Comparisons, ``repr``, ``str`` and formatting are those of the float with the
    same value, so ``print(float32(0.1))`` prints ``0.10000000149011612``.
    """

    __slots__ = ()

    def __new__(cls, x=0.0):
        if type(x) is float32:
            return x
        return float.__new__(cls, _round32(float(x)))

    def __repr__(self):
        return float.__repr__(self)

    __str__ = __repr__

    def __reduce__(self):
        return (float32, (float(self),))

    def __neg__(self):
        return float32(-float(self))

    def __pos__(self):
        return self

    def __abs__(self):
        return float32(abs(float(self)))


def _operand(v):
    """v as a float with a 32-bit value, or None when float32 arithmetic does not take it."""
    t = type(v)
    if t is float32:
        return float(v)
    if t is int or t is bool or t is float or isinstance(v, (int, float)):
        return _round32(float(v))
    return None


def _binary(name, op):
    def forward(self, other):
        b = _operand(other)
        if b is None:
            return NotImplemented
        return float32(op(float(self), b))

    def reflected(self, other):
        a = _operand(other)
        if a is None:
            return NotImplemented
        return float32(op(a, float(self)))

    forward.__name__ = "__%s__" % name
    reflected.__name__ = "__r%s__" % name
    setattr(float32, forward.__name__, forward)
    setattr(float32, reflected.__name__, reflected)


_binary("add", lambda a, b: a + b)
_binary("sub", lambda a, b: a - b)
_binary("mul", lambda a, b: a * b)
_binary("truediv", lambda a, b: a / b)
_binary("floordiv", lambda a, b: a // b)
_binary("mod", lambda a, b: a % b)


def _f32_pow(self, other, mod=None):
    if mod is not None:
        return NotImplemented
    b = _operand(other)
    if b is None:
        return NotImplemented
    return float32(float(self) ** b)


def _f32_rpow(self, other, mod=None):
    if mod is not None:
        return NotImplemented
    a = _operand(other)
    if a is None:
        return NotImplemented
    return float32(a ** float(self))


float32.__pow__ = _f32_pow
float32.__rpow__ = _f32_rpow
del _f32_pow, _f32_rpow


def _f32_divmod(self, other):
    b = _operand(other)
    if b is None:
        return NotImplemented
    q, r = divmod(float(self), b)
    return float32(q), float32(r)


def _f32_rdivmod(self, other):
    a = _operand(other)
    if a is None:
        return NotImplemented
    q, r = divmod(a, float(self))
    return float32(q), float32(r)


float32.__divmod__ = _f32_divmod
float32.__rdivmod__ = _f32_rdivmod
del _f32_divmod, _f32_rdivmod


# --------------------------------------------------------------------------------------------
# The running thread's coordinates

class _Ctx(_threading.local):
    """Per Python thread: which GPU thread (if any) is running on it."""

    active = False
    tx = ty = tz = 0
    bx = by = bz = 0
    bdx = bdy = bdz = 1
    gdx = gdy = gdz = 1
    launch = None  # the _Launch being run
    kernel_code = None
    worker_index = 0  # in a kernel with barriers: the thread's index in its block


_ctx = _Ctx()


def _outside(what):
    return RuntimeError("%s is only available inside a kernel" % what)


def _axes(name, doc, fields, extra=None):
    """A class whose ``x``/``y``/``z`` read the running thread's ``fields`` of ``_ctx`` (an
    error outside a kernel), for ``gpu.thread``, ``gpu.block`` and their ``.dim``s."""

    def axis(field):
        def get(self):
            c = _ctx
            if not c.active:
                raise _outside(name)
            return getattr(c, field)

        return property(get)

    members = {"__slots__": (), "__doc__": doc, "__repr__": lambda self: name}
    members.update({a: axis(f) for a, f in zip("xyz", fields)})
    members.update(extra or {})
    return type("_" + name.replace(".", "_"), (), members)


_ThreadIdx = _axes("gpu.thread", "``gpu.thread``: the index of the running thread in its block.", ("tx", "ty", "tz"))
_BlockDim = _axes("gpu.block.dim", "``gpu.block.dim``: threads per block.", ("bdx", "bdy", "bdz"))
_BlockIdx = _axes(
    "gpu.block", "``gpu.block``: the index of the running thread's block in the grid; ``.dim`` its size.", ("bx", "by", "bz"), {"dim": _BlockDim()}
)
_GridDim = _axes("gpu.grid.dim", "``gpu.grid.dim``: blocks in the grid.", ("gdx", "gdy", "gdz"))


class _Grid:
    """``gpu.grid``: ``.dim`` is the number of blocks in the grid."""

    __slots__ = ()
    dim = _GridDim()

    def __repr__(self):
        return "gpu.grid"


thread = _ThreadIdx()
block = _BlockIdx()
grid = _Grid()


# --------------------------------------------------------------------------------------------
# Barriers, shared memory, atomics

def syncthreads():
    """Barrier for the threads of a block: returns when every thread of the block that has not
    returned has called it."""
    c = _ctx
    if not c.active:
        raise _outside("gpu.syncthreads()")
    worker = c.launch.worker
    if worker is None:
        if c.bdx * c.bdy * c.bdz == 1:
            return
        raise RuntimeError(
            "gpu.syncthreads() reached in a kernel run without barriers: the reference could not "
            "see that the kernel calls it (call it as gpu.syncthreads() in the kernel or in a "
            "plain function the kernel calls)")
    worker.barrier()


_ZEROS = None  # filled below: dtype -> zero value


def _zeros(shape, zero):
    if len(shape) == 1:
        return [zero] * shape[0]
    return [_zeros(shape[1:], zero) for _ in range(shape[0])]


class _Shared:
    """``gpu.shared``: block-shared arrays."""

    __slots__ = ()

    def array(self, shape, dtype):
        """A block-shared array of ``shape`` (an int, or a tuple of ints: nested lists indexed
        ``a[i][j]``) and element type ``dtype`` (``int``, ``float``, ``float32`` or ``bool``),
        zero-initialised. Every thread of a block gets the same array at the same call site."""
        c = _ctx
        if not c.active:
            raise _outside("gpu.shared.array()")
        if dtype not in _ZEROS:
            raise TypeError("gpu.shared.array(): dtype must be int, float, float32 or bool")
        if type(shape) is int:
            dims = (shape,)
        elif type(shape) is tuple and shape and all(type(d) is int for d in shape):
            dims = shape
        else:
            raise TypeError("gpu.shared.array(): shape must be an int or a tuple of ints")
        if any(d < 1 for d in dims):
            raise ValueError("gpu.shared.array(): dimensions must be positive")
        # the call site: the chain of (code, instruction) from the kernel's frame down to here
        f = _sys._getframe(1)
        site = []
        kcode = c.kernel_code
        while f is not None:
            site.append((f.f_code, f.f_lasti))
            if f.f_code is kcode:
                break
            f = f.f_back
        key = (tuple(site), dims, dtype)
        launch = c.launch
        with launch.lock:
            arr = launch.shared.get(key)
            if arr is None:
                arr = _zeros(dims, _ZEROS[dtype])
                launch.shared[key] = arr
        return arr

    def __repr__(self):
        return "gpu.shared"


shared = _Shared()

_atomic_lock = _threading.Lock()


def _store_like(old, new):
    if type(old) is float32 and type(new) is not float32:
        return float32(new)
    return new


class _Atomic:
    """``gpu.atomic``: read-modify-write of one array element; each returns the old value."""

    __slots__ = ()

    def add(self, a, i, v):
        """``a[i] += v`` atomically; returns the old ``a[i]``."""
        with _atomic_lock:
            old = a[i]
            a[i] = _store_like(old, old + v)
            return old

    def min(self, a, i, v):
        """``a[i] = min(a[i], v)`` atomically; returns the old ``a[i]``."""
        with _atomic_lock:
            old = a[i]
            if v < old:
                a[i] = _store_like(old, v)
            return old

    def max(self, a, i, v):
        """``a[i] = max(a[i], v)`` atomically; returns the old ``a[i]``."""
        with _atomic_lock:
            old = a[i]
            if v > old:
                a[i] = _store_like(old, v)
            return old

    def __repr__(self):
        return "gpu.atomic"


atomic = _Atomic()


# --------------------------------------------------------------------------------------------
# Device arrays

class DeviceArray:
    """An array that stays on the device across launches (``gpu.to_device(xs)``).

    Host code can take its ``len``, pass it to kernels, and get its contents with
    ``copy_to_host()``; kernels index it like a list.
    """

    __slots__ = ("_data",)

    def __init__(self, data):
        self._data = data

    def __len__(self):
        return len(self._data)

    def __getitem__(self, i):
        if not _ctx.active:
            raise TypeError("a device array is indexed only in kernels (use copy_to_host())")
        return self._data[i]

    def __setitem__(self, i, v):
        if not _ctx.active:
            raise TypeError("a device array is indexed only in kernels (use copy_to_host())")
        self._data[i] = v

    def copy_to_host(self):
        """A new list with the array's current contents."""
        return list(self._data)

    def __repr__(self):
        return "<gpu device array of %d elements>" % len(self._data)


def to_device(xs):
    """A device array holding a copy of list ``xs``."""
    if type(xs) is not list:
        raise TypeError("gpu.to_device() takes a list, not %s" % type(xs).__name__)
    return DeviceArray(list(xs))


def synchronize():
    """Wait for the device: launches are synchronous, so this does nothing."""
    return None


# --------------------------------------------------------------------------------------------
# Kernels and launches

def _dims(name, v):
    if type(v) is int:
        return (v, 1, 1)
    if type(v) is tuple and len(v) in (2, 3) and all(type(d) is int for d in v):
        return tuple(v) + (1,) * (3 - len(v))
    raise TypeError("%s= must be an int or a tuple of 2 or 3 ints, not %r" % (name, v))


def _reaches_syncthreads(fn):
    """Whether the code of ``fn``, or of a function it can name (globals, closures, module
    attributes), mentions ``syncthreads``."""
    seen = set()
    todo = [fn]
    while todo:
        f = todo.pop()
        code = getattr(f, "__code__", None)
        if code is None or id(code) in seen:
            continue
        seen.add(id(code))
        g = getattr(f, "__globals__", {})
        codes = [code]
        while codes:
            co = codes.pop()
            if "syncthreads" in co.co_names:
                return True
            for k in co.co_consts:
                if hasattr(k, "co_names"):
                    codes.append(k)
            for name in co.co_names:
                v = g.get(name)
                if v is None:
                    continue
                if isinstance(v, Kernel):
                    continue
                if hasattr(v, "__code__"):
                    todo.append(v)
                elif type(v) is type(_sys):
                    for attr in co.co_names:
                        w = getattr(v, attr, None)
                        if w is not None and hasattr(w, "__code__") and not isinstance(w, Kernel):
                            todo.append(w)
        for cell in getattr(f, "__closure__", None) or ():
            try:
                v = cell.cell_contents
            except ValueError:
                continue
            if hasattr(v, "__code__"):
                todo.append(v)
    return False


_THIS_FILE = __file__


def _failure_key(exc):
    """Where in the kernel's source a caught exception comes from: the line numbers of its
    traceback entries outside this module, outermost first."""
    lines = []
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename != _THIS_FILE:
            lines.append(tb.tb_lineno)
        tb = tb.tb_next
    return tuple(lines)


class _Launch:
    """The state of one launch."""

    def __init__(self, kernel, gdims, bdims):
        self.kernel = kernel
        self.gdims = gdims
        self.bdims = bdims
        self.block = (0, 0, 0)
        self.shared = {}
        self.lock = _threading.Lock()
        self.worker = None  # the _Workers, for kernels with barriers
        self.failure = None  # (key, exception) of the failure reported so far

    def failed(self, exc):
        key = _failure_key(exc)
        if self.failure is None or key < self.failure[0]:
            self.failure = (key, exc)

    def enter(self, c, tx, ty, tz):
        """Make Python thread context ``c`` run GPU thread (tx, ty, tz) of the current block."""
        c.active = True
        c.launch = self
        c.kernel_code = self.kernel.fn.__code__
        c.tx, c.ty, c.tz = tx, ty, tz
        c.bx, c.by, c.bz = self.block
        c.bdx, c.bdy, c.bdz = self.bdims
        c.gdx, c.gdy, c.gdz = self.gdims


def _held_lock():
    lock = _threading.Lock()
    lock.acquire()
    return lock


class _PoolThread:
    """A Python thread that runs GPU threads of kernels with barriers. Idle ones are kept in
    ``_idle`` between launches (starting a thread costs more than running a small kernel)."""

    def __init__(self):
        self.go = _held_lock()  # released to give this thread its turn
        self.workers = None  # the _Workers it belongs to during a launch
        self.index = 0  # its thread index in the block
        t = _threading.Thread(target=self._main, daemon=True, name="kiln-gpu-worker")
        t.start()

    def _main(self):
        go = self.go
        while True:
            go.acquire()
            w = self.workers
            if w is not None:
                w.run_turn(self.index)


_idle = []
_idle_lock = _threading.Lock()


class _Workers:
    """Runs the threads of a block each on its own Python thread, one at a time (see the module
    docstring). The running thread hands over directly to the next one: at a barrier or when it
    returns it releases the next thread of the phase, or, at the end of a phase, the first
    thread waiting at a barrier, or, when none is left, the launching thread."""

    def __init__(self, launch, args, kwargs):
        self.launch = launch
        self.args = args
        self.kwargs = kwargs
        bx, by, bz = launch.bdims
        self.coords = [(x, y, z) for z in range(bz) for y in range(by) for x in range(bx)]
        self.back = _held_lock()  # released when the block is done
        self.order = []  # the threads of the current phase, in order
        self.pos = 0  # the index in `order` of the running thread
        self.waiting = []  # the threads of the current phase that reached a barrier
        self.pool = []
        self.go = []

    def start(self):
        n = len(self.coords)
        with _idle_lock:
            take = min(n, len(_idle))
            pool = _idle[len(_idle) - take:]
            del _idle[len(_idle) - take:]
        while len(pool) < n:
            pool.append(_PoolThread())
        for i, p in enumerate(pool):
            p.index = i
            p.workers = self
        self.pool = pool
        self.go = [p.go for p in pool]

    def _handoff(self, at_barrier):
        """The running thread's turn ends: release the next thread to run. Touches no state
        after the release (the next thread runs from then on)."""
        if at_barrier:
            self.waiting.append(self.order[self.pos])
        self.pos += 1
        if self.pos < len(self.order):
            self.go[self.order[self.pos]].release()
        elif self.waiting:
            self.order = self.waiting
            self.waiting = []
            self.pos = 0
            self.go[self.order[0]].release()
        else:
            self.back.release()

    def run_turn(self, i):
        """Run GPU thread ``i`` of the current block on this Python thread, to its end."""
        launch = self.launch
        c = _ctx
        tx, ty, tz = self.coords[i]
        launch.enter(c, tx, ty, tz)
        c.worker_index = i
        try:
            launch.kernel.fn(*self.args, **self.kwargs)
        except BaseException as e:
            launch.failed(e)
            del e
        c.active = False
        c.launch = None
        self._handoff(False)

    def barrier(self):
        i = _ctx.worker_index
        self._handoff(True)
        self.go[i].acquire()

    def run_block(self):
        self.order = list(range(len(self.coords)))
        self.pos = 0
        self.waiting = []
        self.go[0].release()
        self.back.acquire()

    def stop(self, normal):
        """After the last block every thread waits for its next turn: back to the idle pool.
        After an interrupted launch they are left to themselves (daemon threads)."""
        if not normal:
            return
        for p in self.pool:
            p.workers = None
        with _idle_lock:
            _idle.extend(reversed(self.pool))
        self.pool = []
        self.go = []


class Kernel:
    """A ``@gpu.kernel`` function: launch it as ``k(args..., grid=G, block=B)``."""

    def __init__(self, fn):
        self.fn = fn
        self.__name__ = getattr(fn, "__name__", "kernel")
        self.__qualname__ = getattr(fn, "__qualname__", self.__name__)
        self.__doc__ = getattr(fn, "__doc__", None)
        self.__wrapped__ = fn
        self._barriers = None

    def __repr__(self):
        return "<gpu kernel %s>" % self.__qualname__

    def __call__(self, *args, **kwargs):
        if "grid" not in kwargs or "block" not in kwargs:
            raise TypeError("a kernel is launched with grid= and block=")
        g = kwargs.pop("grid")
        b = kwargs.pop("block")
        gdims = _dims("grid", g)
        bdims = _dims("block", b)
        if min(gdims) < 1 or min(bdims) < 1:
            raise ValueError("grid and block dimensions must be positive")
        if bdims[0] * bdims[1] * bdims[2] > MAX_THREADS_PER_BLOCK:
            raise ValueError("a block has at most %d threads" % MAX_THREADS_PER_BLOCK)
        if _ctx.active:
            raise RuntimeError("a kernel cannot launch a kernel")
        import inspect

        inspect.signature(self.fn).bind(*args, **kwargs)  # a wrong argument count: TypeError
        if self._barriers is None:
            self._barriers = _reaches_syncthreads(self.fn)
        launch = _Launch(self, gdims, bdims)
        if self._barriers:
            self._run_with_barriers(launch, args, kwargs)
        else:
            self._run_sequential(launch, args, kwargs)
        failure = launch.failure
        if failure is not None:
            exc = failure[1]
            launch = failure = None
            raise exc
        return None

    def _run_sequential(self, launch, args, kwargs):
        fn = self.fn
        c = _ctx
        gx, gy, gz = launch.gdims
        bx, by, bz = launch.bdims
        coords = [(x, y, z) for z in range(bz) for y in range(by) for x in range(bx)]
        launch.enter(c, 0, 0, 0)
        try:
            for kz in range(gz):
                for ky in range(gy):
                    for kx in range(gx):
                        launch.block = (kx, ky, kz)
                        launch.shared = {}
                        c.bx = kx
                        c.by = ky
                        c.bz = kz
                        for (tx, ty, tz) in coords:
                            c.tx = tx
                            c.ty = ty
                            c.tz = tz
                            try:
                                if kwargs:
                                    fn(*args, **kwargs)
                                else:
                                    fn(*args)
                            except Exception as e:
                                launch.failed(e)
                                del e
        finally:
            c.active = False
            c.launch = None

    def _run_with_barriers(self, launch, args, kwargs):
        workers = _Workers(launch, args, kwargs)
        launch.worker = workers
        gx, gy, gz = launch.gdims
        workers.start()
        normal = False
        try:
            for kz in range(gz):
                for ky in range(gy):
                    for kx in range(gx):
                        launch.block = (kx, ky, kz)
                        launch.shared = {}
                        workers.run_block()
            normal = True
        finally:
            workers.stop(normal)


def kernel(fn):
    """Mark ``fn`` as a kernel: the result can only be launched, ``k(args..., grid=G, block=B)``."""
    if isinstance(fn, Kernel):
        return fn
    if not callable(fn):
        raise TypeError("@gpu.kernel decorates a function")
    return Kernel(fn)


_ZEROS = {int: 0, float: 0.0, float32: float32(0.0), bool: False}

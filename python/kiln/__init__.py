"""The pure-Python side of kiln.

Every construct kiln adds to Python has a spelling that CPython can also run, so that a kiln
program can be checked against CPython. This package provides those spellings for CPython:

``par(iterable, *, schedule="static", chunk_size=None, num_threads=None, collapse=1, gpu=False)``
    marks a ``for`` loop whose iterations kiln may run in parallel::

        from kiln import par
        for i in par(range(n), schedule="dynamic", chunk_size=64):
            out[i] = work(i)

    kiln also accepts Codon's decorator form, ``@par`` or ``@par(...)`` on the line directly
    above a ``for`` loop, which is not valid CPython syntax. Under CPython ``par`` checks its
    options the way kiln does and returns the iterable unchanged, so the loop runs sequentially
    -- which is the meaning kiln's parallel loop must reproduce (private per-iteration
    variables, reductions, the first exception in iteration order).

``kiln.gpu``
    the ``gpu`` kernel module of docs/gpu.md (``@gpu.kernel``, launches with ``grid=`` and
    ``block=``, ``gpu.to_device``, shared arrays, barriers, atomics) and the ``float32`` type: a
    slow reference implementation that runs every GPU thread in order. ``from kiln import gpu``.

``python3 -m kiln prog.py [args...]``
    runs a kiln program under CPython, first turning ``@par`` decorator lines into blank lines
    (line numbers, and so tracebacks, stay the same); ``import gpu`` and the builtin ``float32``
    work there. See ``kiln.__main__``.
"""

__all__ = ["par"]

SCHEDULES = ("static", "dynamic", "guided")


def _positive_int_or_none(name, value):
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("par(): %s must be an int or None, not %s" % (name, type(value).__name__))
    if value < 1:
        raise ValueError("par(): %s must be at least 1" % name)


def par(iterable, *, schedule="static", chunk_size=None, num_threads=None, collapse=1, gpu=False):
    """Mark a ``for`` loop as parallel; under CPython, return ``iterable`` unchanged.

    Options (checked as kiln checks them):

    * ``schedule``: ``"static"`` (default: equal blocks of iterations per thread),
      ``"dynamic"`` (threads take chunks of ``chunk_size`` iterations as they finish) or
      ``"guided"`` (chunks shrink as the work runs out, never below ``chunk_size``);
    * ``chunk_size``: iterations per chunk, an int >= 1 (None: kiln chooses);
    * ``num_threads``: an int >= 1 (None: ``$KILN_NUM_THREADS``, else one per core);
    * ``collapse``: 1, or 2 for two perfectly nested ``range`` loops run as one;
    * ``gpu``: a bool, run the loop on the accelerator (a later milestone).

    An unknown option is a ``TypeError`` (Python's own for an unknown keyword argument); a
    value of the wrong type is a ``TypeError``; a value out of range is a ``ValueError``.
    """
    if not isinstance(schedule, str):
        raise TypeError("par(): schedule must be a str, not %s" % type(schedule).__name__)
    if schedule not in SCHEDULES:
        raise ValueError(
            "par(): unknown schedule %r (expected %s)" % (schedule, ", ".join(repr(s) for s in SCHEDULES))
        )
    _positive_int_or_none("chunk_size", chunk_size)
    _positive_int_or_none("num_threads", num_threads)
    if isinstance(collapse, bool) or not isinstance(collapse, int):
        raise TypeError("par(): collapse must be an int, not %s" % type(collapse).__name__)
    if collapse not in (1, 2):
        raise ValueError("par(): collapse must be 1 or 2, got %d" % collapse)
    if collapse == 2 and not isinstance(iterable, range):
        raise TypeError(
            "par(): collapse=2 needs two perfectly nested range loops, not a loop over %s"
            % type(iterable).__name__
        )
    if not isinstance(gpu, bool):
        raise TypeError("par(): gpu must be a bool, not %s" % type(gpu).__name__)
    return iterable

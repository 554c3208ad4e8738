"""How the process uses Python's cyclic garbage collector.

A server holds some 300,000 objects the collector tracks once it has started (the modules,
the schemas, SQLAlchemy's mappings, the routes), and hardly any of them ever becomes garbage.
Yet every full collection walked them all: under load one came every few seconds and held
the interpreter for about 150 ms, a pause that every request in flight waited out. The same
walks took a fifth of a national import's time. ``settled`` moves what the process holds by
then into the collector's permanent generation, which it does not walk, for as long as the
block lasts; reference counting frees any of those objects let go meanwhile, as before, and
only garbage in a cycle among them waits for the block's end to be collected.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0


@contextmanager
def settled() -> Iterator[None]:
    """Leave what the process holds now out of the collections made during the block (a
    server's life, a long import). Blocks may nest, on any thread: the outermost decides."""
    global _depth
    with _lock:
        _depth += 1
        if _depth == 1:
            gc.collect()
            gc.freeze()
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.unfreeze()

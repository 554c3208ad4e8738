"""The model of each kind of record the review's graph joins and its tags point at (an episode,
a factor, a finding), by the kind's name (``NodeKind``, ``TagTarget``).

Links and tags sit below those records (the records' services remove their links and tags),
so they find the records' models here rather than import them: each model says what kind it
is where it is defined, with ``register`` (``scr.models`` imports every model, and the
processes' entry points, ``api.main`` and ``scr.cli``, import it).
"""

from __future__ import annotations

from typing import Any

_MODELS: dict[str, Any] = {}


def register(kind: str, model: type) -> None:
    """``model`` holds the records of ``kind`` ("episode", "factor" or "finding")."""
    _MODELS[kind] = model


def model(kind: str) -> Any:
    """The model holding the records of ``kind``."""
    return _MODELS[str(kind)]

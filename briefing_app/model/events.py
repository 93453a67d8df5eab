"""Plain change events, so Qt item models (and the CLI) can follow the document.

The model layer cannot import Qt; UI adapters subscribe here and re-emit as Qt signals.
Events before a list change let a view call beginInsertRows/beginRemoveRows in time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Event:
    """What happened: `kind` names the collection ("source", "snippet", "block", ...),
    `action` one of inserting/inserted/removing/removed/changed/moved/reset."""

    kind: str
    action: str
    ids: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)


Listener = Callable[[Event], None]


class EventEmitter:
    """A tiny observer list; listeners are called in subscription order, synchronously."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def connect(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def disconnect(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def emit(self, kind: str, action: str, *ids: str, **details: Any) -> None:
        event = Event(kind, action, tuple(ids), details)
        for listener in list(self._listeners):
            listener(event)

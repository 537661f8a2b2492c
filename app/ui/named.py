"""`named(widget, "objectName")`: a widget with its object name, in one expression.

Tests and screenshots find widgets by object name; PySide6 accepts `objectName=` as a
constructor keyword, but its type stubs do not, so the name is set through this instead.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject

_Widget = TypeVar("_Widget", bound=QObject)


def named(widget: _Widget, name: str) -> _Widget:
    widget.setObjectName(name)
    return widget

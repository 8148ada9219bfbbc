"""The demo: Danish phrase banks and their answer generator (pure Python, no Django), and
the loaders that put them into the apps. The demo may import every app; no app imports it."""

from __future__ import annotations

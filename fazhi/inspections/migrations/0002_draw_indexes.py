"""Indexes for the draw at city scale (bench/bench_draw.py).

* The checks lose the draw and inspector FK indexes (see ``Check``).
* The active employers get a covering index in the order the frozen list needs (USCC by code
  point): the commit reads 1.5 million (uscc, stratum) pairs from the index in order instead of
  sorting the table (SQLite: 2.1 s → 1.2 s). PostgreSQL needs the "C" collation for code-point
  order, which Django's ``Index`` cannot declare on SQLite, hence per-vendor SQL.
"""

import django.db.models.deletion
from django.db import migrations, models

INDEX = "insp_employer_draw_order"
CREATE = {
    "sqlite": f"CREATE INDEX {INDEX} ON inspections_employer (uscc, stratum) WHERE is_active",
    "postgresql": f'CREATE INDEX {INDEX} ON inspections_employer (uscc COLLATE "C", stratum)'
    " WHERE is_active",
}


def create_index(apps, schema_editor):
    sql = CREATE.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor in CREATE:
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("inspections", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="check",
            name="draw",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="checks",
                to="inspections.draw",
            ),
        ),
        migrations.AlterField(
            model_name="check",
            name="first_inspector",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="inspections.drawinspector",
            ),
        ),
        migrations.AlterField(
            model_name="check",
            name="second_inspector",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="inspections.drawinspector",
            ),
        ),
        migrations.RunPython(create_index, drop_index),
    ]

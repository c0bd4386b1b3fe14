"""Audit events get a seal (HMAC with a key outside the database), and the database itself
refuses UPDATE and DELETE on the audit table (triggers on SQLite and PostgreSQL)."""

from django.db import migrations, models


def install_triggers(apps, schema_editor):
    from fazhi.core.audit_guard import create_sql

    for sql in create_sql(schema_editor.connection.vendor):
        schema_editor.execute(sql)


def drop_triggers(apps, schema_editor):
    from fazhi.core.audit_guard import drop_sql

    for sql in drop_sql(schema_editor.connection.vendor):
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0008_serial_counter"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditevent",
            name="seal",
            field=models.CharField(blank=True, default="", max_length=64, verbose_name="签名"),
        ),
        migrations.RunPython(install_triggers, drop_triggers),
    ]

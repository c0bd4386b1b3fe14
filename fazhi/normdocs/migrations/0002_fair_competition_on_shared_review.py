"""Normative documents keep their 公平竞争审查 on the shared review (``decisions.CompetitionReview``,
matter_type ``normdoc``) instead of their own table: copy the rows, then drop the table.

The mapping is the one ``services.reviews.SHARED_CONCLUSION`` uses for new reviews (repeated
here: a migration must not import code that may change later)."""

from django.db import migrations

CONCLUSION = {
    "not_applicable": "passes",
    "compliant": "passes",
    "exception": "exception",
    "non_compliant": "fails",
}
LABELS = {
    "not_applicable": "不涉及经营者经济活动",
    "compliant": "经审查符合公平竞争审查标准",
    "exception": "适用例外规定（第十二条）",
    "non_compliant": "不符合审查标准，不得出台",
}


def copy_to_shared(apps, schema_editor):
    Old = apps.get_model("normdocs", "FairCompetitionReview")
    Shared = apps.get_model("decisions", "CompetitionReview")
    for row in Old.objects.select_related("document").order_by("id"):
        Shared.objects.create(
            matter_type="normdoc",
            matter_id=row.document_id,
            title=row.document.title,
            org_unit_id=row.document.org_unit_id,
            affects_market=row.conclusion != "not_applicable",
            affects_reason=LABELS.get(row.conclusion, ""),
            conclusion=CONCLUSION[row.conclusion],
            explanation=row.explanation,
            reviewer_id=row.reviewer_id,
            reviewed_on=row.reviewed_on,
            recorded_by_id=row.reviewer_id,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("normdocs", "0001_lifecycle"),
        ("decisions", "0001_initial"),
    ]

    # reversing recreates the empty table only: the copied reviews stay on the shared record
    operations = [
        migrations.RunPython(copy_to_shared, migrations.RunPython.noop),
        migrations.DeleteModel(name="FairCompetitionReview"),
    ]

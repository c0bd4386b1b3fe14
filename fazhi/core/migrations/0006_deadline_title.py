"""Fixed deadlines carry their own title (they have no row in the time-limit table)."""

from django.db import migrations, models

# The titles the services give the fixed deadlines opened before this field existed.
TITLES = {
    "enforcement.correction_order": "责令改正期限",
    "social_insurance.payment_order": "限期缴纳社会保险费期限",
    "social_insurance.deferral_agreement": "延期缴费协议期限",
    "reconsideration.decision_resumed": "行政复议决定期限（中止后恢复）",
    "normdoc.expiry_reminder": "有效期届满前评估提醒",
    "publicity.withdrawal_fallback": "撤回已公开的决定信息期限",
}


def name_fixed_deadlines(apps, schema_editor):
    Deadline = apps.get_model("core", "Deadline")
    for code, title in TITLES.items():
        Deadline.objects.filter(rule_code=code, title="").update(title=title)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_deadline_deadline_type_open_due_idx"),
    ]

    operations = [
        migrations.AddField(
            model_name="deadline",
            name="title",
            field=models.CharField(blank=True, max_length=100, verbose_name="期限名称"),
        ),
        migrations.RunPython(name_fixed_deadlines, migrations.RunPython.noop),
    ]

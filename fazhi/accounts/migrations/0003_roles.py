"""Create the bureau's role groups.

Migrations may not import ``fazhi.*``, so the names are repeated here from
``fazhi/accounts/roles.py``; ``tests/test_roles.py`` keeps the two sets equal.
"""

from django.db import migrations

ROLE_NAMES = (
    "系统管理员",
    "局领导",
    "法规处工作人员",
    "法制审核人员",
    "执法人员",
    "业务处室经办人",
)


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_NAMES:
        Group.objects.get_or_create(name=name)


def delete_roles(apps, schema_editor):
    # Only empty groups go: a role still held by someone is kept rather than silently revoked.
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=ROLE_NAMES, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_login_index_token_prefix_unique"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]

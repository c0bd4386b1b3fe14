"""The demo scenario behind `fazhi demo`: the bureau of the 2019 report, its people, and a registry.

It lives in accounts, which owns the org tree and the accounts it builds; core's own demo records
(the holiday calendar, a few deadlines) are ``fazhi.core.demo``, found like every app's.

The loader builds the org tree and one demo account per role, then calls ``load(ctx)`` of every
installed ``fazhi.<app>.demo`` module in ``INSTALLED_APPS`` order, so a new module adds its demo
records by adding a ``demo.py``. Every step is get-or-create, so a
second run writes nothing except its one ``core.demo.load`` audit event.

The passwords below are public on purpose (docs/user/演示账号.md); demo accounts carry
``is_demo=True`` and the loader refuses a database that holds real accounts.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType

from django.apps import apps
from django.db import transaction

from fazhi.accounts import services as accounts
from fazhi.accounts.models import OrgUnit, User
from fazhi.core.permissions import SYSTEM
from fazhi.core.services import audit

# key, code, name, short name, kind, parent key: the structure the 2019 report names.
ORG_UNITS: tuple[tuple[str, str, str, str, str, str | None], ...] = (
    ("bureau", "JU", "市人力资源和社会保障局", "市人社局", "bureau", None),
    ("office", "BGS", "办公室", "", "division", "bureau"),
    ("legal", "FGC", "法规处", "", "division", "bureau"),
    ("labour_relations", "LDGXC", "劳动关系处", "", "division", "bureau"),
    ("employment", "JYC", "就业促进和失业保险处", "就业处", "division", "bureau"),
    ("pension", "YLBXC", "养老保险处", "", "division", "bureau"),
    ("injury", "GSBXC", "工伤保险处", "", "division", "bureau"),
    ("mobility", "RLLDC", "人力资源流动管理处", "流动处", "division", "bureau"),
    ("inspection", "JCZD", "劳动保障监察总队", "监察总队", "affiliate", "bureau"),
    ("inspection_1", "JCZD-1", "劳动保障监察总队一支队", "一支队", "team", "inspection"),
    ("inspection_2", "JCZD-2", "劳动保障监察总队二支队", "二支队", "team", "inspection"),
    ("insurance_centre", "SBZX", "市社会保险基金管理中心", "社保中心", "affiliate", "bureau"),
    ("heping", "HPQ", "和平区人社局", "", "district", "bureau"),
    ("heping_team", "HPQ-JC", "和平区劳动保障监察大队", "", "team", "heping"),
    ("hedong", "HDQ", "河东区人社局", "", "district", "bureau"),
    ("hedong_team", "HDQ-JC", "河东区劳动保障监察大队", "", "team", "hedong"),
    ("hexi", "HXQ", "河西区人社局", "", "district", "bureau"),
    ("hexi_team", "HXQ-JC", "河西区劳动保障监察大队", "", "team", "hexi"),
    ("nankai", "NKQ", "南开区人社局", "", "district", "bureau"),
    ("nankai_team", "NKQ-JC", "南开区劳动保障监察大队", "", "team", "nankai"),
    ("binhai", "BHXQ", "滨海新区人社局", "", "district", "bureau"),
    ("binhai_team", "BHXQ-JC", "滨海新区劳动保障监察大队", "", "team", "binhai"),
)


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    full_name: str
    unit: str
    roles: tuple[str, ...]


# The first account is the actor of everything the registry loads.
DEMO_ACCOUNTS: tuple[DemoAccount, ...] = (
    DemoAccount("admin", "fazhi-admin-2019", "赵系统", "office", ("admin",)),
    DemoAccount("leader", "fazhi-leader-2019", "钱局长", "bureau", ("leader",)),
    DemoAccount("fagui", "fazhi-fagui-2019", "孙法规", "legal", ("legal_staff",)),
    DemoAccount("shenhe", "fazhi-shenhe-2019", "李审核", "legal", ("legal_reviewer",)),
    DemoAccount("zhifa1", "fazhi-zhifa1-2019", "周执法", "inspection_1", ("enforcement_officer",)),
    DemoAccount("zhifa2", "fazhi-zhifa2-2019", "吴执法", "inspection_2", ("enforcement_officer",)),
    # 劳动关系处 handles most licensing items (劳务派遣, 特殊工时): its clerk sees those applications
    DemoAccount("jingban", "fazhi-jingban-2019", "郑经办", "labour_relations", ("division_clerk",)),
    DemoAccount(
        "hp_zhifa", "fazhi-hpzhifa-2019", "王和平", "heping_team", ("enforcement_officer",)
    ),
)


class DemoRefused(Exception):
    """The database holds real data; loading demo records into it would mix the two."""


@dataclass
class DemoContext:
    """What each app's ``demo.load(ctx)`` receives. Add to ``created`` what you create."""

    actor: User
    today: date
    units: dict[str, OrgUnit]
    users: dict[str, User]
    created: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)


def demo_modules() -> list[ModuleType]:
    """``fazhi.<app>.demo`` of every installed app that has one, in INSTALLED_APPS order."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if config.name.startswith("fazhi.") and importlib.util.find_spec(name) is not None:
            found.append(importlib.import_module(name))
    return found


def real_user_count() -> int:
    return User.objects.filter(is_demo=False).count()


def _ensure_units(created: Counter[str]) -> dict[str, OrgUnit]:
    existing = {u.code: u for u in OrgUnit.objects.filter(code__in=[s[1] for s in ORG_UNITS])}
    units: dict[str, OrgUnit] = {}
    for key, code, name, short_name, kind, parent_key in ORG_UNITS:
        unit = existing.get(code)
        if unit is None:
            unit = accounts.org_unit_create(
                code=code,
                name=name,
                short_name=short_name,
                kind=kind,
                parent=units[parent_key] if parent_key else None,
                sort_order=len(units),
                actor=SYSTEM,
            )
            created["org_units"] += 1
        units[key] = unit
    return units


def _ensure_users(units: dict[str, OrgUnit], created: Counter[str]) -> dict[str, User]:
    existing = {u.username: u for u in User.objects.filter(is_demo=True)}
    users: dict[str, User] = {}
    for account in DEMO_ACCOUNTS:
        user = existing.get(account.username)
        if user is None:
            user = accounts.user_create(
                username=account.username,
                password=account.password,
                full_name=account.full_name,
                org_unit=units[account.unit],
                roles=account.roles,
                is_demo=True,
                actor=SYSTEM,
            )
            created["users"] += 1
        users[account.username] = user
    return users


@transaction.atomic
def demo_load(*, today: date, force: bool = False) -> DemoContext:
    """Load the scenario; idempotent. Audits one ``core.demo.load`` per run.

    Raises ``DemoRefused`` (writing nothing) when a non-demo account exists, unless ``force``.
    """
    clash = list(
        User.objects.filter(username__in=[a.username for a in DEMO_ACCOUNTS], is_demo=False)
        .order_by("username")
        .values_list("username", flat=True)
    )
    if clash:
        raise DemoRefused(f"已有同名的正式账号（{'、'.join(clash)}），无法创建演示账号。")
    real = real_user_count()
    if real and not force:
        raise DemoRefused(
            f"数据库中已有 {real} 个正式（非演示）账号，为免演示数据混入正式数据，已停止加载。"
            "确需加载请加 --force。"
        )
    created: Counter[str] = Counter()
    created["roles"] += len(accounts.roles_ensure(actor=SYSTEM))
    units = _ensure_units(created)
    users = _ensure_users(units, created)
    ctx = DemoContext(actor=users[DEMO_ACCOUNTS[0].username], today=today, units=units, users=users)
    ctx.created.update(created)
    modules = demo_modules()
    for module in modules:
        module.load(ctx)
    audit.record(
        actor=ctx.actor,
        action="core.demo.load",
        data={
            "today": today,
            "forced": bool(force and real),
            "modules": [m.__name__ for m in modules],
            "created": {k: v for k, v in sorted(ctx.created.items()) if v},
        },
    )
    return ctx

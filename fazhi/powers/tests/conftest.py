"""Fixtures for the powers tests: people with each role, a small corpus with an amended law."""

from __future__ import annotations

from datetime import date

import pytest

from fazhi.accounts.tests.factories import make_unit, make_user
from fazhi.laws.models import Article, LegalDocument, Work
from fazhi.powers.services import power_item_create

LISTED = date(2019, 1, 1)


@pytest.fixture
def people(org_tree):
    division = make_unit("LDGXC", "劳动关系处", "division", org_tree["bureau"])
    return {
        "legal": make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "admin": make_user("sysadmin", unit=org_tree["bureau"], roles=["系统管理员"]),
        "clerk": make_user("clerk", unit=org_tree["zongdui"], roles=["业务处室经办人"]),
        "other_clerk": make_user("clerk2", unit=division, roles=["业务处室经办人"]),
        "officer": make_user("officer", unit=org_tree["zhidui"], roles=["执法人员"]),
        "leader": make_user("boss", unit=org_tree["bureau"], roles=["局领导"]),
        "units": {**org_tree, "division": division},
    }


def make_document(work: Work, *, title: str, effective: date, articles: dict[int, str], **extra):
    doc = LegalDocument.objects.create(
        work=work,
        kind="行政法规",
        title=title,
        effective_date=effective,
        source_path=f"test/{title}/{effective.isoformat()}.md",
        content_hash="x" * 64,
        **extra,
    )
    for position, (number, text) in enumerate(sorted(articles.items())):
        Article.objects.create(
            document=doc, position=position, number=number, label=f"第{number}条", text=text
        )
    return doc


@pytest.fixture
def corpus(db):
    """劳动保障监察条例 (one version) and a 示范条例 with a 2018 and a 2020 version."""
    inspection = Work.objects.create(key="劳动保障监察条例", title="劳动保障监察条例")
    lbjc = make_document(
        inspection,
        title="劳动保障监察条例",
        effective=date(2004, 12, 1),
        articles={
            25: "延长工作时间的，给予警告。",
            26: "克扣工资的，责令支付。",
            30: "阻挠监察的，处罚款。",
        },
    )
    work = Work.objects.create(key="示范条例", title="示范条例")
    old = make_document(
        work,
        title="示范条例",
        effective=date(2018, 1, 1),
        articles={1: "总则不变。", 2: "违反规定的，处一千元罚款。"},
    )
    return {"lbjc": lbjc, "work": work, "old": old}


def amend(corpus, *, articles: dict[int, str] | None = None):
    """Add the 2020 version of 示范条例 and end the 2018 one (what corpus_link does)."""
    new = make_document(
        corpus["work"],
        title="示范条例",
        effective=date(2020, 1, 1),
        articles=articles or {1: "总则不变。", 2: "违反规定的，处五千元罚款。"},
    )
    LegalDocument.objects.filter(pk=corpus["old"].pk).update(valid_to=date(2020, 1, 1))
    return new


def create_item(people, **overrides):
    values = {
        "code": "CF-JC-26",
        "kind": "penalty",
        "name": "克扣或者无故拖欠劳动者工资报酬等的处理",
        "org_unit": people["units"]["zongdui"],
        "legal_basis_text": "《劳动保障监察条例》第二十六条；《中华人民共和国劳动合同法》第八十五条",
        "process": "立案—调查—决定",
        "time_limit_text": "60个工作日",
        "remedy": "可以申请行政复议或者提起行政诉讼",
        "accountability": "违法实施的，依法追究责任",
        "effective_from": LISTED,
        "actor": people["legal"],
    }
    values.update(overrides)
    return power_item_create(**values)


def make_case(item, reference: str, filed_on: date):
    """A filed enforcement case under ``item``. The Case model belongs to enforcement and grows
    there; the fields usage counts are set here and every other required field gets a plain
    value of its type, so this helper keeps working as the model gains fields."""
    from django.db import models

    from fazhi.enforcement.models import Case

    values = {
        "reference": reference,
        "power_item": item,
        "org_unit": item.org_unit,
        "status": "filed",
        "filed_on": filed_on,
    }
    for f in Case._meta.concrete_fields:
        if (
            f.name in values
            or f.primary_key
            or f.null
            or f.has_default()
            or getattr(f, "auto_now", False)
            or getattr(f, "auto_now_add", False)
        ):
            continue
        if f.choices:
            values[f.name] = f.choices[0][0]
        elif isinstance(f, models.DateField):
            values[f.name] = filed_on
        elif isinstance(f, models.CharField | models.TextField):
            values[f.name] = "测试"
        elif isinstance(f, models.IntegerField | models.DecimalField | models.FloatField):
            values[f.name] = 0
    return Case.objects.create(**values)

"""Fixtures for the education tests: people, a small corpus, a question bank and an open exam."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from fazhi.accounts.tests.factories import make_user
from fazhi.education import services
from fazhi.laws.models import Article, LegalDocument, Work


def make_law(key: str, effective: date, numbers=range(1, 11)) -> LegalDocument:
    work, _ = Work.objects.get_or_create(key=key, defaults={"title": key})
    doc = LegalDocument.objects.create(
        work=work,
        kind="法律",
        title=key,
        effective_date=effective,
        source_path=f"test/{key}/{effective.isoformat()}.md",
        content_hash="x" * 64,
    )
    for n in numbers:
        Article.objects.create(
            document=doc, position=n, number=n, label=f"第{n}条", text=f"{key}第{n}条的条文。"
        )
    return doc


@pytest.fixture
def people(org_tree):
    return {
        "legal": make_user("legal", unit=org_tree["fagui"], roles=["法规处工作人员"]),
        "officer": make_user("officer", unit=org_tree["zhidui"], roles=["执法人员"]),
        "officer2": make_user("officer2", unit=org_tree["district_team"], roles=["执法人员"]),
        "clerk": make_user("clerk", unit=org_tree["district"], roles=["业务处室经办人"]),
        "units": org_tree,
    }


@pytest.fixture
def bank(people):
    """6 single, 4 multiple, 4 true/false questions over two laws."""
    labour = make_law("劳动合同法", date(2013, 7, 1))
    insurance = make_law("社会保险法", date(2011, 7, 1))
    questions = []
    for i in range(6):
        questions.append(
            services.question_add(
                qtype="single",
                stem=f"单选题{i}",
                options=["甲", "乙", "丙", "丁"],
                answer="B",
                articles=[labour.articles.get(number=i + 1)],
                actor=people["legal"],
            )
        )
    for i in range(4):
        questions.append(
            services.question_add(
                qtype="multiple",
                stem=f"多选题{i}",
                options=["甲", "乙", "丙"],
                answer="AC",
                articles=[insurance.articles.get(number=i + 1)],
                actor=people["legal"],
            )
        )
    for i in range(4):
        questions.append(
            services.question_add(
                qtype="truefalse",
                stem=f"判断题{i}",
                options=[],
                answer="T",
                articles=[insurance.articles.get(number=i + 5)],
                actor=people["legal"],
            )
        )
    return {"labour": labour, "insurance": insurance, "questions": questions}


RULES = [
    {"qtype": "single", "count": 3, "points": 2},
    {"qtype": "multiple", "count": 2, "points": 2, "works": ["社会保险法"]},
    {"qtype": "truefalse", "count": 2, "points": 1},
]


@pytest.fixture
def exam(people, bank):
    now = timezone.now()
    exam = services.exam_create(
        title="2019年度学法用法考试",
        year=2019,
        org_unit=people["units"]["bureau"],
        opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=1),
        paper_rules=RULES,
        actor=people["legal"],
    )
    services.exam_enrol(
        exam=exam,
        units=[people["units"]["zongdui"], people["units"]["district"]],
        role_codes=["enforcement_officer"],
        actor=people["legal"],
    )
    return exam

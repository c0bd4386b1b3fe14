"""Services: audit events, versioning, refusals that write nothing, flagging after a law change."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from fazhi.accounts.permissions import SYSTEM
from fazhi.core.domain.errors import Refused
from fazhi.core.models import AuditEvent
from fazhi.laws.models import LegalDocument
from fazhi.powers.models import PowerItem, PowerItemBasis, PowerItemVersion
from fazhi.powers.services import (
    power_item_deactivate,
    power_item_review_clear,
    power_item_revise,
    power_items_flag_changed_law,
)
from fazhi.powers.tests.conftest import amend, create_item

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 1)


def _snapshot():
    return (
        list(PowerItem.objects.order_by("pk").values()),
        PowerItemVersion.objects.count(),
        PowerItemBasis.objects.count(),
        AuditEvent.objects.count(),
    )


def test_create_writes_version_one_links_the_corpus_and_audits(people, corpus):
    # when
    item = create_item(people)
    # then
    version = item.versions.get()
    assert (item.version_count, version.number, version.reason) == (1, 1, "列入权责清单")
    bases = list(version.bases.order_by("position"))
    assert [b.citation for b in bases] == [
        "《劳动保障监察条例》第二十六条",
        "《中华人民共和国劳动合同法》第八十五条",
    ]
    assert bases[0].document == corpus["lbjc"] and bases[0].article.number == 26
    assert bases[1].document is None and bases[1].article is None  # not in this corpus
    event = AuditEvent.objects.get(action="powers.item.create")
    assert event.actor == people["legal"] and event.target_id == str(item.pk)
    assert event.data["bases"][0] == "《劳动保障监察条例》第二十六条"


@pytest.mark.parametrize(
    ("_case", "overrides", "error", "message"),
    [
        ("taken code", {}, Refused, "已被使用"),
        ("bad code", {"code": "工资 1"}, Refused, "事项编码只能"),
        ("no basis", {"code": "X-1", "legal_basis_text": " "}, Refused, "设定依据"),
        ("unknown kind", {"code": "X-2", "kind": "tax"}, Refused, "职权类别"),
        ("officer", {"code": "X-3", "actor": "officer"}, PermissionDenied, "业务处室经办人"),
        (
            "clerk of another unit",
            {"code": "X-4", "actor": "other_clerk"},
            PermissionDenied,
            "维护权责清单事项",
        ),
    ],
)
def test_refused_create_writes_nothing(people, corpus, _case, overrides, error, message):
    # given
    create_item(people)
    before = _snapshot()
    if "actor" in overrides:
        overrides["actor"] = people[overrides["actor"]]
    # when / then
    with pytest.raises(error, match=message):
        create_item(people, **overrides)
    assert _snapshot() == before


def test_clerk_may_create_in_own_unit_and_below(people, corpus):
    item = create_item(
        people, code="JC-1", org_unit=people["units"]["zhidui"], actor=people["clerk"]
    )
    assert item.org_unit == people["units"]["zhidui"]


def test_revise_adds_a_version_and_keeps_the_item_in_sync(people, corpus):
    # given
    item = create_item(people)
    # when
    version = power_item_revise(
        item=item,
        reason="机构改革：职责调整",
        effective_from=date(2019, 6, 1),
        actor=people["clerk"],
        expected_version=1,
        org_unit=people["units"]["zhidui"],
        name="克扣工资的处理",
    )
    # then
    item.refresh_from_db()
    assert version.number == 2 and item.version_count == 2
    assert (item.name, item.org_unit, version.org_unit_name) == (
        "克扣工资的处理",
        people["units"]["zhidui"],
        "监察一支队",
    )
    assert item.versions.get(number=1).name == "克扣或者无故拖欠劳动者工资报酬等的处理"
    assert version.bases.count() == 2  # the basis is re-linked for the new version
    event = AuditEvent.objects.get(action="powers.item.revise")
    assert event.data["fields"] == ["name", "org_unit"] and event.data["version"] == 2


@pytest.mark.parametrize(
    ("_case", "kwargs", "error", "message"),
    [
        ("no reason", {"reason": " ", "name": "新名称"}, Refused, "请填写变更理由"),
        (
            "no change",
            {"reason": "整理", "name": "克扣或者无故拖欠劳动者工资报酬等的处理"},
            Refused,
            "内容与当前版本相同",
        ),
        (
            "stale",
            {"reason": "整理", "name": "新名称", "expected_version": 0},
            Refused,
            "已被他人修改",
        ),
        (
            "backdated",
            {"reason": "整理", "name": "新名称", "effective_from": date(2018, 1, 1)},
            Refused,
            "生效日期不能早于",
        ),
        (
            "other clerk",
            {"reason": "整理", "name": "新名称", "actor": "other_clerk"},
            PermissionDenied,
            "维护权责清单事项",
        ),
        (
            "clerk moves it out of scope",
            {"reason": "整理", "actor": "clerk", "org_unit": "division"},
            PermissionDenied,
            "维护权责清单事项",
        ),
        (
            "leader",
            {"reason": "整理", "name": "新名称", "actor": "leader"},
            PermissionDenied,
            "维护权责清单事项",
        ),
    ],
)
def test_refused_revision_writes_nothing(people, corpus, _case, kwargs, error, message):
    # given
    item = create_item(people)
    before = _snapshot()
    kwargs = {"effective_from": date(2019, 6, 1), "actor": "legal", **kwargs}
    kwargs["actor"] = people[kwargs["actor"]]
    if "org_unit" in kwargs:
        kwargs["org_unit"] = people["units"][kwargs["org_unit"]]
    # when / then
    with pytest.raises(error, match=message):
        power_item_revise(item=item, **kwargs)
    assert _snapshot() == before


def test_two_editors_on_the_same_version_one_wins(people, corpus):
    item = create_item(people)
    power_item_revise(
        item=item,
        reason="甲",
        effective_from=date(2019, 2, 1),
        actor=people["legal"],
        expected_version=1,
        name="名称甲",
    )
    with pytest.raises(Refused, match="现为第2版"):
        power_item_revise(
            item=item,
            reason="乙",
            effective_from=date(2019, 2, 1),
            actor=people["admin"],
            expected_version=1,
            name="名称乙",
        )
    assert PowerItem.objects.get(pk=item.pk).name == "名称甲"


def test_deactivate_is_a_version_with_the_reason(people, corpus):
    # given
    item = create_item(people)
    # when
    version = power_item_deactivate(
        item=item,
        reason="机构改革：职责划出",
        effective_from=date(2019, 1, 15),
        actor=people["admin"],
    )
    # then
    item.refresh_from_db()
    assert not item.is_active and not version.is_active and version.number == 2
    assert AuditEvent.objects.filter(action="powers.item.deactivate").count() == 1
    before = _snapshot()
    with pytest.raises(Refused, match="已经取消"):
        power_item_deactivate(
            item=item, reason="再取消", effective_from=date(2019, 2, 1), actor=people["admin"]
        )
    with pytest.raises(Refused, match="已取消"):
        power_item_revise(
            item=item,
            reason="改",
            effective_from=date(2019, 2, 1),
            actor=people["admin"],
            name="新",
        )
    assert _snapshot() == before


def test_deactivate_without_reason_writes_nothing(people, corpus):
    item = create_item(people)
    before = _snapshot()
    with pytest.raises(Refused, match="变更理由"):
        power_item_deactivate(
            item=item, reason="", effective_from=date(2019, 2, 1), actor=people["legal"]
        )
    assert _snapshot() == before


def _cite_model_law(people, code="CF-SF-2", basis="《示范条例》第二条"):
    return create_item(people, code=code, legal_basis_text=basis, effective_from=date(2019, 1, 1))


def test_amended_article_flags_the_item(people, corpus):
    # given: an item cites article 2 of the 2018 version; the 2020 version changes it
    item = _cite_model_law(people)
    assert item.versions.get().bases.get().document == corpus["old"]
    untouched = create_item(
        people, code="CF-JC-25", legal_basis_text="《劳动保障监察条例》第二十五条"
    )
    amend(corpus)
    # when
    flagged = power_items_flag_changed_law(actor=people["legal"], on=TODAY)
    # then
    assert flagged == [item]
    item.refresh_from_db()
    assert (
        item.needs_review and "新版本《示范条例》（2020-01-01施行）已修改该条" in item.review_reason
    )
    assert not PowerItem.objects.get(pk=untouched.pk).needs_review
    event = AuditEvent.objects.get(action="powers.item.flag_review")
    assert event.target_id == str(item.pk) and event.data["version"] == 1


def test_unchanged_article_in_a_new_version_does_not_flag(people, corpus):
    _cite_model_law(people, basis="《示范条例》第一条")
    amend(corpus)
    assert power_items_flag_changed_law(actor=SYSTEM, on=TODAY) == []


def test_repealed_document_flags_whole_document_citations(people, corpus):
    item = _cite_model_law(people, basis="《示范条例》")
    LegalDocument.objects.filter(pk=corpus["old"].pk).update(repealed_on=date(2021, 1, 1))
    assert power_items_flag_changed_law(actor=SYSTEM, on=TODAY) == [item]
    item.refresh_from_db()
    assert item.review_reason == "《示范条例》：所依据的文件已废止"


def test_flagging_is_idempotent_and_respects_a_cleared_review(people, corpus):
    # given
    item = _cite_model_law(people)
    amend(corpus)
    power_items_flag_changed_law(actor=SYSTEM, on=TODAY)
    # when: run again
    assert power_items_flag_changed_law(actor=SYSTEM, on=TODAY) == []
    # when: a reviewer clears it
    power_item_review_clear(item=item, actor=people["clerk"], note="罚款数额调整不影响事项内容")
    item.refresh_from_db()
    assert not item.needs_review and item.review_reason == ""
    event = AuditEvent.objects.get(action="powers.item.review_clear")
    assert event.data["note"] == "罚款数额调整不影响事项内容"
    # then: the same change does not flag it again
    assert power_items_flag_changed_law(actor=SYSTEM, on=TODAY) == []


def test_flagging_limited_to_documents(people, corpus):
    item = _cite_model_law(people)
    new = amend(corpus)
    assert power_items_flag_changed_law(actor=SYSTEM, documents=[corpus["lbjc"]], on=TODAY) == []
    assert power_items_flag_changed_law(actor=SYSTEM, documents=[new], on=TODAY) == [item]


def test_revising_onto_the_new_version_resolves_the_review(people, corpus):
    # given
    item = _cite_model_law(people)
    new = amend(corpus)
    power_items_flag_changed_law(actor=SYSTEM, on=TODAY)
    # when
    version = power_item_revise(
        item=item,
        reason="《示范条例》修订，调整依据",
        effective_from=date(2020, 1, 1),
        actor=people["legal"],
        legal_basis_text="《示范条例》第二条（2020年版）",
        resolves_review=True,
    )
    # then
    item.refresh_from_db()
    assert not item.needs_review and version.bases.get().document == new
    assert AuditEvent.objects.get(action="powers.item.revise").data["review_cleared"] is True
    assert power_items_flag_changed_law(actor=SYSTEM, on=TODAY) == []


def test_clear_review_refusals_write_nothing(people, corpus):
    item = _cite_model_law(people)
    before = _snapshot()
    with pytest.raises(Refused, match="没有待复核"):
        power_item_review_clear(item=item, actor=people["legal"], note="无")
    amend(corpus)
    power_items_flag_changed_law(actor=SYSTEM, on=TODAY)
    before = _snapshot()
    with pytest.raises(Refused, match="复核意见"):
        power_item_review_clear(item=item, actor=people["legal"], note=" ")
    with pytest.raises(PermissionDenied):
        power_item_review_clear(item=item, actor=people["officer"], note="看过")
    assert _snapshot() == before

"""裁量基准 services: import a benchmark file, publish a version, edit a draft, propose a range.

Writes: `discretion_set_import`, `discretion_set_publish`, `discretion_set_copy`,
`discretion_tier_update` — each in a transaction, audited, refusing before writing.
Reads (no visibility rule: benchmarks are public documents under 行政处罚法 第三十四条, drafts
are shown to staff only by the views): `discretion_set_in_force`, `discretion_propose`,
`discretion_violations`, `discretion_set_get`, `discretion_set_list`.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import asdict
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from fazhi.accounts.permissions import ENFORCEMENT_BENCHMARKS, require
from fazhi.core.caching import bump
from fazhi.core.domain import citations
from fazhi.core.domain.errors import Refused
from fazhi.core.services import audit
from fazhi.enforcement.domain import discretion as rules
from fazhi.enforcement.models import DiscretionBenchmarkSet, DiscretionItem, DiscretionTier

BENCHMARK_DIR = Path(__file__).resolve().parent.parent / "benchmarks"
BASIS_PUBLISH = rules.BASIS_PUBLISH
Status = DiscretionBenchmarkSet.Status


# ----------------------------------------------------------------------------- reading the file


def _decimal(value: Any, where: str) -> Decimal:
    try:
        return Decimal(str(value))
    except InvalidOperation:
        raise Refused(f"{where}：金额“{value}”不是数字", "") from None


def _parse(data: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Check a benchmark file's content against the domain rules; raise Refused in Chinese."""
    for key in ("version", "title", "items"):
        if not data.get(key):
            raise Refused(f"裁量基准文件缺少“{key}”")
    head = {
        "version": str(data["version"]).strip(),
        "title": str(data["title"]).strip(),
        "to_confirm": bool(data.get("to_confirm", True)),
        "source_note": str(data.get("source_note", "")).strip(),
    }
    items = []
    for position, raw in enumerate(data["items"], start=1):
        code = str(raw.get("code", "")).strip()
        tiers = [
            {
                "code": str(t.get("code", "")),
                "low": _decimal(t.get("low"), code),
                "high": _decimal(t.get("high"), code),
                "conditions": str(t.get("conditions", "")),
                "condition_keys": [str(k) for k in t.get("keys", [])],
                "is_default": bool(t.get("is_default", False)),
            }
            for t in raw.get("tiers", [])
        ]
        in_force_from = raw.get("in_force_from")
        if isinstance(in_force_from, str):
            in_force_from = date.fromisoformat(in_force_from)
        if isinstance(in_force_from, datetime):
            in_force_from = in_force_from.date()
        statutory = raw.get("statutory") or [None, None]
        if len(statutory) != 2:
            raise Refused(f"裁量基准文件有误：{code} 的法定幅度须为[下限, 上限]")
        item = {
            "position": position,
            "violation_code": code,
            "violation": str(raw.get("violation", "")),
            "legal_basis": str(raw.get("legal_basis", "")),
            "penalty_basis": str(raw.get("penalty_basis", "")),
            "form": str(raw.get("form", "")),
            "in_force_from": in_force_from,
            "heavier": str(raw.get("heavier", "")),
            "lighter": str(raw.get("lighter", "")),
            "exemption": str(raw.get("exemption", "")),
            "exemption_allowed": bool(raw.get("exemption_allowed", True)),
            "fixed_rate": bool(raw.get("fixed_rate", False)),
            "note": str(raw.get("note", "")),
            "statutory_low": None if statutory[0] is None else _decimal(statutory[0], code),
            "statutory_high": None if statutory[1] is None else _decimal(statutory[1], code),
            "sanction": str(raw.get("sanction", rules.Sanction.FINE)),
            "tiers": tiers,
        }
        try:
            rules.check_item(_rule_from_dict(item))
        except ValueError as exc:
            raise Refused(f"裁量基准文件有误：{exc}") from None
        if not (item["violation"] and item["penalty_basis"]):
            raise Refused(f"裁量基准文件有误：{code} 缺少违法行为或处罚依据")
        items.append(item)
    codes = [i["violation_code"] for i in items]
    if len(set(codes)) != len(codes):
        raise Refused("裁量基准文件有误：违法行为代码重复")
    return head, items


def _rule_from_dict(item: dict[str, Any]) -> rules.BenchmarkItem:
    return rules.BenchmarkItem(
        violation_code=item["violation_code"],
        violation=item["violation"],
        legal_basis=item["legal_basis"],
        penalty_basis=item["penalty_basis"],
        form=item["form"],
        fixed_rate=item["fixed_rate"],
        statutory_low=item["statutory_low"],
        statutory_high=item["statutory_high"],
        sanction=item["sanction"],
        tiers=tuple(
            rules.Tier(
                t["code"],
                t["low"],
                t["high"],
                t["conditions"],
                tuple(t["condition_keys"]),
                t["is_default"],
            )
            for t in item["tiers"]
        ),
    )


def _write_items(benchmark_set: DiscretionBenchmarkSet, items: list[dict[str, Any]]) -> None:
    benchmark_set.items.all().delete()
    for data in items:
        data = dict(data)
        tiers = data.pop("tiers")
        item = DiscretionItem.objects.create(benchmark_set=benchmark_set, **data)
        DiscretionTier.objects.bulk_create(DiscretionTier(item=item, **t) for t in tiers)


# ----------------------------------------------------------------------------- writes


@transaction.atomic
def discretion_set_import(*, path: str | Path, actor) -> DiscretionBenchmarkSet:
    """Load a benchmark TOML file as a draft set (or refresh the draft of the same version).

    Idempotent: the same file again changes nothing and audits nothing. A file whose version is
    already published is refused — a published benchmark is immutable, a change is a new
    version (行政处罚法 第三十四条). Audits ``enforcement.discretion_set.import``.
    """
    require(actor, ENFORCEMENT_BENCHMARKS)
    raw = Path(path).read_bytes()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise Refused(f"裁量基准文件无法读取：{exc}") from None
    head, items = _parse(data)
    digest = hashlib.sha256(raw).hexdigest()
    existing = (
        DiscretionBenchmarkSet.objects.select_for_update().filter(version=head["version"]).first()
    )
    if existing is not None:
        if existing.source_digest == digest:
            return existing
        if not existing.is_editable:
            raise Refused(
                f"裁量基准 {existing.version} 已发布，不能修改；如需调整请以新版本号导入",
                BASIS_PUBLISH,
            )
        for field, value in head.items():
            setattr(existing, field, value)
        existing.source_digest = digest
        existing.save()
        benchmark_set = existing
    else:
        benchmark_set = DiscretionBenchmarkSet.objects.create(**head, source_digest=digest)
    _write_items(benchmark_set, items)
    audit.record(
        actor=actor,
        action="enforcement.discretion_set.import",
        target=benchmark_set,
        data={
            "version": benchmark_set.version,
            "items": len(items),
            "sha256": digest,
            "file": Path(path).name,
        },
    )
    bump("enforcement")  # public pages show it: a new version on commit
    return benchmark_set


@transaction.atomic
def discretion_set_publish(
    *, benchmark_set: DiscretionBenchmarkSet, effective_from: date, actor
) -> DiscretionBenchmarkSet:
    """Publish a draft from ``effective_from``; the set in force before it ends the day before.

    Refused when the set is not a draft, or when another published set starts on or after
    ``effective_from`` (versions follow each other in time). Audits
    ``enforcement.discretion_set.publish``.
    """
    require(actor, ENFORCEMENT_BENCHMARKS)
    benchmark_set = DiscretionBenchmarkSet.objects.select_for_update().get(pk=benchmark_set.pk)
    if not benchmark_set.is_editable:
        raise Refused(f"裁量基准 {benchmark_set.version} 已发布，不能再次发布", BASIS_PUBLISH)
    if not benchmark_set.items.exists():
        raise Refused("裁量基准没有任何事项，不能发布")
    published = DiscretionBenchmarkSet.objects.select_for_update().exclude(status=Status.DRAFT)
    later = published.filter(effective_from__gte=effective_from).order_by("effective_from").first()
    if later is not None:
        raise Refused(
            f"已有自{later.effective_from:%Y年%m月%d日}起施行的裁量基准 {later.version}，"
            "新版本的施行日期须晚于现有版本",
            BASIS_PUBLISH,
        )
    previous = (
        published.filter(Q(effective_to__isnull=True) | Q(effective_to__gte=effective_from))
        .order_by("-effective_from")
        .first()
    )
    if previous is not None:
        previous.effective_to = effective_from - timedelta(days=1)
        previous.status = Status.SUPERSEDED
        previous.save(update_fields=["effective_to", "status"])
    benchmark_set.status = Status.PUBLISHED
    benchmark_set.effective_from = effective_from
    benchmark_set.effective_to = None
    benchmark_set.published_at = timezone.now()
    benchmark_set.published_by = audit.person(actor)
    benchmark_set.save()
    audit.record(
        actor=actor,
        action="enforcement.discretion_set.publish",
        target=benchmark_set,
        data={
            "version": benchmark_set.version,
            "effective_from": effective_from,
            "superseded": previous.version if previous else None,
            "superseded_to": previous.effective_to if previous else None,
        },
    )
    bump("enforcement")  # public pages show it: a new version on commit
    return benchmark_set


@transaction.atomic
def discretion_set_copy(
    *, source: DiscretionBenchmarkSet, version: str, title: str, actor
) -> DiscretionBenchmarkSet:
    """Start a new draft version from an existing set (the way to change a published one)."""
    require(actor, ENFORCEMENT_BENCHMARKS)
    version = version.strip()
    if not version:
        raise Refused("请填写新版本号")
    if DiscretionBenchmarkSet.objects.filter(version=version).exists():
        raise Refused(f"版本号 {version} 已存在")
    new = DiscretionBenchmarkSet.objects.create(
        version=version,
        title=title.strip() or source.title,
        to_confirm=True,
        source_note=f"由 {source.version} 版复制。{source.source_note}".strip(),
    )
    for item in source.items.prefetch_related("tiers"):
        tiers = list(item.tiers.all())
        item.pk = None
        item.benchmark_set = new
        item.save()
        for tier in tiers:
            tier.pk = None
            tier.item = item
            tier.save()
    audit.record(
        actor=actor,
        action="enforcement.discretion_set.copy",
        target=new,
        data={"from": source.version, "version": version},
    )
    bump("enforcement")  # public pages show it: a new version on commit
    return new


@transaction.atomic
def discretion_tier_update(
    *, tier: DiscretionTier, low: Decimal, high: Decimal, conditions: str, actor
) -> DiscretionTier:
    """Change one tier of a draft set. A published set is immutable (第三十四条)."""
    require(actor, ENFORCEMENT_BENCHMARKS)
    tier = (
        DiscretionTier.objects.select_for_update()
        .select_related("item__benchmark_set")
        .get(pk=tier.pk)
    )
    benchmark_set = tier.item.benchmark_set
    if not benchmark_set.is_editable:
        raise Refused(
            f"裁量基准 {benchmark_set.version} 已发布，不能修改；请复制为新版本后修改",
            BASIS_PUBLISH,
        )
    if low < 0 or low > high:
        raise Refused("阶次幅度下限不能高于上限")
    try:  # the statutory range is a hard limit for the benchmark too
        rules.check_tier_in_statutory(
            tier.item.as_rule(tiers=[]), low, high, tier.get_code_display()
        )
    except ValueError as exc:
        raise Refused(str(exc), tier.item.penalty_basis) from None
    before = {"low": tier.low, "high": tier.high, "conditions": tier.conditions}
    tier.low, tier.high, tier.conditions = low, high, conditions
    tier.save(update_fields=["low", "high", "conditions"])
    audit.record(
        actor=actor,
        action="enforcement.discretion_tier.update",
        target=tier,
        data={"before": before, "after": {"low": low, "high": high, "conditions": conditions}},
    )
    bump("enforcement")  # public pages show it: a new version on commit
    return tier


# ----------------------------------------------------------------------------- reads


def discretion_set_list() -> QuerySet[DiscretionBenchmarkSet]:
    return DiscretionBenchmarkSet.objects.order_by("-effective_from", "-version")


def discretion_set_get(*, pk: int) -> DiscretionBenchmarkSet:
    """A set with its items and their tiers prefetched (raises DoesNotExist)."""
    tiers = Prefetch("tiers", queryset=DiscretionTier.objects.order_by("low", "code"))
    items = Prefetch("items", queryset=DiscretionItem.objects.prefetch_related(tiers))
    return DiscretionBenchmarkSet.objects.prefetch_related(items).get(pk=pk)


def discretion_set_in_force(*, on: date) -> DiscretionBenchmarkSet | None:
    """The published (or superseded) set whose effective period contains ``on``."""
    return (
        DiscretionBenchmarkSet.objects.exclude(status=Status.DRAFT)
        .filter(effective_from__lte=on)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gte=on))
        .order_by("-effective_from")
        .first()
    )


def discretion_violations(*, on: date) -> list[tuple[str, str]]:
    """(violation code, violation) of the set in force on ``on``; empty when none is."""
    benchmark_set = discretion_set_in_force(on=on)
    if benchmark_set is None:
        return []
    return list(
        benchmark_set.items.order_by("position", "violation_code").values_list(
            "violation_code", "violation"
        )
    )


def discretion_item_in_force(*, violation_code: str, on: date) -> DiscretionItem:
    """The benchmark item for ``violation_code`` in the set in force on ``on`` (or Refused)."""
    benchmark_set = discretion_set_in_force(on=on)
    if benchmark_set is None:
        raise Refused(f"{on:%Y年%m月%d日}没有施行中的裁量基准", BASIS_PUBLISH)
    item = (
        benchmark_set.items.filter(violation_code=violation_code)
        .select_related("benchmark_set")
        .prefetch_related("tiers")
        .first()
    )
    if item is None:
        raise Refused(
            f"裁量基准 {benchmark_set.version} 中没有违法行为代码“{violation_code}”",
            BASIS_PUBLISH,
        )
    if item.in_force_from and on < item.in_force_from:
        raise Refused(
            f"{item.penalty_basis}自{item.in_force_from:%Y年%m月%d日}起施行，"
            f"不适用于{on:%Y年%m月%d日}的违法行为",
            # 从旧: 2021 第三十七条; before it, 立法法 (2015) 第九十三条 (法不溯及既往)
            citations.cite_penalty("old_law", on)
            if citations.has_article(citations.PENALTY, "old_law", on)
            else "《中华人民共和国立法法》（2015年修正）第九十三条",
        )
    return item


def discretion_propose(*, violation_code: str, facts: rules.Facts, on: date) -> rules.Proposal:
    """Propose the range for ``facts`` under the benchmark in force on ``on`` (the act's date).

    Raises Refused (Chinese) when no benchmark is in force, the code is unknown, or the item's
    legal basis was not yet in force. Writes nothing.
    """
    unknown = [c for c in facts.circumstances if c not in rules.CIRCUMSTANCES]
    if unknown:
        raise Refused(f"无法识别的情节：{'、'.join(unknown)}")
    if facts.harm not in rules.HARMS:
        raise Refused(f"无法识别的危害后果：{facts.harm}")
    if facts.workers < 0 or facts.months < 0 or facts.amount < 0:
        raise Refused("人数、月数和金额不能为负数")
    item = discretion_item_in_force(violation_code=violation_code, on=on)
    return rules.propose(item.as_rule(), facts, on=on)


def proposal_as_dict(proposal: rules.Proposal) -> dict[str, Any]:
    """JSON-ready form of a proposal (amounts as strings), for the API and the CLI."""
    data = asdict(proposal)
    for key, value in data.items():
        if isinstance(value, Decimal):
            data[key] = str(value)
        elif isinstance(value, tuple):
            data[key] = list(value)
    return data

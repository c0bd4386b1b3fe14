"""The computed assessment indicators for one unit and its sub-units (考核 scores units, not only the
bureau), each with the records behind its value.

The annual report's figures (fazhi.reports.figures) count the whole bureau. An assessment of a unit
must count that unit's records: its officers' cards, the publicity records of its decisions, the
复议 cases against its acts, its case files reviewed, its staff enrolled in the exam. Each function
here reads the owning app's selectors and filters by the unit's subtree (``path`` prefix); for the
root unit it counts what the report counts. A figure without a per-unit definition here is taken
bureau-wide and the page says so.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.db.models import Exists, OuterRef

from fazhi.core.domain.figures import Definition, Record, Unit, Value

PERCENT = Decimal("0.01")
_REGISTRY: dict[str, tuple[Definition, Callable[[Definition, int, object], Value]]] = {}


def _unit_figure(key: str, *, title: str, counts: str, unit: Unit = Unit.PERCENT):
    def register(fn):
        _REGISTRY[key] = (Definition(key, 1, title, unit, counts, "assessment"), fn)
        return fn

    return register


def _rate(part: int, whole: int) -> Decimal:
    return (Decimal(part) * 100 / Decimal(whole)).quantize(PERCENT)


def _in(org_unit, field: str = "org_unit") -> dict:
    return {f"{field}__path__startswith": org_unit.path}


@_unit_figure(
    "officers.certification_rate",
    title="执法人员持证率",
    counts="本单位及下属单位12月31日在执法岗位的人员中持有效执法证的比例",
)
def certification_rate(d, year, org_unit):
    from fazhi.officers.selectors import certification_stats, posts_on, usable_certificates

    as_of = certification_stats(year=year)["as_of"]
    posts = posts_on(as_of).filter(**_in(org_unit))
    usable = usable_certificates(on=as_of).filter(officer=OuterRef("pk"))
    rows = list(
        posts.annotate(card=Exists(usable))
        .order_by("org_unit__path", "name", "pk")
        .values_list("pk", "name", "card")
    )
    if not rows:
        return Value(d, year, None, missing="本单位当年没有在执法岗位的人员记录")
    certified = sum(1 for *_, card in rows if card)
    records = tuple(
        Record(f"{name}（{'持证' if card else '未持有效证件'}）", "officers.officer", pk)
        for pk, name, card in rows
    )
    parts = {"持证": str(certified), "在岗": str(len(rows))}
    return Value(d, year, _rate(certified, len(rows)), records, parts=parts)


@_unit_figure(
    "publicity.on_time_rate",
    title="行政许可、行政处罚决定按期公示率",
    counts="本单位及下属单位作出、决定日期在当年的行政许可、行政处罚公示记录中，"
    "在应公示日期（决定后7个工作日）之前公示的比例",
)
def on_time_rate(d, year, org_unit):
    from fazhi.publicity.models import PublicityRecord
    from fazhi.publicity.selectors import record_unit

    rows = list(
        PublicityRecord.objects.filter(
            kind__in=["license", "penalty"], decided_on__year=year, due_on__isnull=False
        ).order_by("decided_on", "pk")
    )
    mine = [r for r in rows if _unit_path(record_unit(r)).startswith(org_unit.path)]
    if not mine:
        return Value(d, year, None, missing="本单位当年的行政许可、行政处罚公示记录")
    on_time = [r for r in mine if r.published_on and r.published_on <= r.due_on]
    records = tuple(
        Record(f"{r.document_number} {r.party_name}", "publicity.publicityrecord", r.pk)
        for r in mine
    )
    parts = {"按期": str(len(on_time)), "应公示": str(len(mine))}
    return Value(d, year, _rate(len(on_time), len(mine)), records, parts=parts)


def _unit_path(unit) -> str:
    return unit.path if unit is not None else ""


@_unit_figure(
    "disputes.reconsideration_uncorrected_rate",
    title="行政复议决定未被纠错率",
    counts="收到日期在当年、针对本单位及下属单位行政行为的行政复议案件中，已作出决定且未被"
    "撤销、变更、确认违法、责令履行或确认无效的比例（即100%减复议纠错率）",
)
def reconsideration_uncorrected_rate(d, year, org_unit):
    from fazhi.disputes.domain import reconsideration as rc
    from fazhi.disputes.models import ReconsiderationCase

    rows = list(
        ReconsiderationCase.objects.filter(received_on__year=year, **_in(org_unit))
        .exclude(decision="")
        .exclude(status=rc.Status.REJECTED)
        .order_by("received_on", "pk")
        .values_list("pk", "reference", "decision")
    )
    if not rows:
        return Value(d, year, None, missing="本单位当年没有作出决定的行政复议案件")
    corrected = [pk for pk, _, decision in rows if rc.DecisionType(decision) in rc.CORRECTING]
    records = tuple(
        Record(
            f"{ref}（{'被纠错' if pk in corrected else '未被纠错'}）",
            "disputes.reconsiderationcase",
            pk,
        )
        for pk, ref, _ in rows
    )
    parts = {"被纠错": str(len(corrected)), "已决定": str(len(rows))}
    return Value(d, year, _rate(len(rows) - len(corrected), len(rows)), records, parts=parts)


@_unit_figure(
    "supervision.case_file_score",
    title="行政执法案卷评查平均得分率",
    counts="当年评查活动中已提交评分的本单位及下属单位案卷的平均得分占满分（100分）的比例",
)
def case_file_score(d, year, org_unit):
    from fazhi.supervision.models import ReviewFile

    rows = list(
        ReviewFile.objects.filter(campaign__year=year, score__isnull=False, **_in(org_unit))
        .select_related("case")
        .order_by("pk")
    )
    if not rows:
        return Value(d, year, None, missing="本单位当年没有已评分的评查案卷")
    mean = (sum((f.score for f in rows), Decimal(0)) / len(rows)).quantize(PERCENT)
    records = tuple(
        Record(f"{f.case.reference}（{f.score}分）", "supervision.reviewfile", f.pk) for f in rows
    )
    return Value(d, year, mean, records, parts={"案卷": str(len(rows))})


@_unit_figure(
    "education.exam_participation",
    title="网上学法用法考试参与率",
    counts="当年学法用法考试中本单位及下属单位的应考人员已交卷的比例",
)
def exam_participation(d, year, org_unit):
    from fazhi.education.models import Enrolment

    enrolled = list(
        Enrolment.objects.filter(exam__year=year, **_in(org_unit))
        .select_related("user")
        .annotate(done=Exists(_submitted()))
        .order_by("org_unit__path", "pk")
    )
    if not enrolled:
        return Value(d, year, None, missing="本单位当年没有学法用法考试的应考人员记录")
    done = sum(1 for e in enrolled if e.done)
    records = tuple(
        Record(
            f"{e.user.full_name or e.user.username}（{'已交卷' if e.done else '未参考'}）",
            "education.enrolment",
            e.pk,
        )
        for e in enrolled
    )
    parts = {"参考": str(done), "应考": str(len(enrolled))}
    return Value(d, year, _rate(done, len(enrolled)), records, parts=parts)


def _submitted():
    from fazhi.education.models import Sitting

    return Sitting.objects.filter(enrolment=OuterRef("pk"), submitted_at__isnull=False)


def definitions() -> list[Definition]:
    return [definition for definition, _ in _REGISTRY.values()]


def compute_for_unit(key: str, year: int, org_unit) -> tuple[Value | None, bool]:
    """The figure for ``org_unit`` and its sub-units, and whether it is the unit's own; (None,
    False) when no per-unit definition exists (the caller takes the bureau-wide figure)."""
    if key not in _REGISTRY:
        return None, False
    definition, query = _REGISTRY[key]
    return query(definition, year, org_unit), True

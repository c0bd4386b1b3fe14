"""Reads of the officer register, including THE CONTRACT other apps rely on:

* `officer_for_user(user)`
* `valid_certificate(officer=, on=)`
* `check_officers_can_act(officers=, on=)` — raises `Refused` (行政处罚法 第四十二条 / 2017 第三十七条, by date)
* `usable_officers(on=, org_unit=None)`
* `certification_stats(year=)`

A card's usability on a day follows its history (suspensions, revocation date, passed reviews),
so a 2019 act is judged by the 2019 card even if the card was revoked since.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Sum
from django.utils import timezone

from fazhi.accounts.selectors import scope_queryset
from fazhi.core.domain.errors import Refused
from fazhi.officers.domain import certificates as rules
from fazhi.officers.models import (
    Certificate,
    CertificateReview,
    CertificateSuspension,
    ExamResult,
    Officer,
    Post,
    TrainingRecord,
)
from fazhi.officers.policy import card_policy, option

STATUS_LABELS = dict(Certificate.Status.choices)


# --- certificates as the rules see them ------------------------------------------------------


def card_facts(card: Certificate) -> rules.CardFacts:
    """The pure view of a card (uses prefetched ``reviews``/``suspensions`` when present)."""
    return rules.CardFacts(
        status=card.status,
        issued_on=card.issued_on,
        expires_on=card.expires_on,
        reviews=tuple(r.reviewed_on for r in card.reviews.all() if r.passed),
        suspensions=tuple((s.start, s.until) for s in card.suspensions.all()),
        revoked_on=card.revoked_on,
    )


def _with_history(qs: QuerySet[Certificate]) -> QuerySet[Certificate]:
    return qs.prefetch_related("reviews", "suspensions")


def usable_certificates(*, on: date) -> QuerySet[Certificate]:
    """Cards usable on ``on``, in SQL; `card_facts` + the domain rule give the same answer."""
    policy = card_policy()
    suspended = CertificateSuspension.objects.filter(
        certificate=OuterRef("pk"), start__lte=on
    ).filter(Q(until__isnull=True) | Q(until__gt=on))
    any_suspension = CertificateSuspension.objects.filter(certificate=OuterRef("pk"))
    qs = (
        Certificate.objects.filter(issued_on__lte=on, expires_on__gte=on)
        .exclude(revoked_on__lte=on)
        .exclude(status=Certificate.Status.REVOKED, revoked_on__isnull=True)
        .exclude(Exists(suspended))
        .exclude(Q(status=Certificate.Status.SUSPENDED) & ~Exists(any_suspension))
    )
    cutoff = rules.review_cutoff(on, policy)
    if cutoff is not None:
        reviewed = CertificateReview.objects.filter(
            certificate=OuterRef("pk"), passed=True, reviewed_on__gte=cutoff, reviewed_on__lte=on
        )
        qs = qs.filter(Q(issued_on__gte=cutoff) | Exists(reviewed))
    return qs


def unusable_reason(card: Certificate, *, on: date) -> str | None:
    reason = rules.unusable_reason(card_facts(card), on=on, policy=card_policy())
    return str(reason) if reason else None


# --- the contract ----------------------------------------------------------------------------


def officer_for_user(user) -> Officer | None:
    """The register entry linked to a login, or None (not an officer, or not logged in)."""
    if not getattr(user, "is_authenticated", False) or getattr(user, "pk", None) is None:
        return None
    return Officer.objects.select_related("org_unit").filter(user_id=user.pk).first()


def valid_certificate(*, officer: Officer, on: date) -> Certificate | None:
    """The officer's card usable on ``on`` (the most recently issued if, oddly, several)."""
    cards = _with_history(Certificate.objects.filter(officer_id=officer.pk)).order_by(
        "-issued_on", "-pk"
    )
    policy = card_policy()
    for card in cards:
        if rules.is_usable(card_facts(card), on=on, policy=policy):
            return card
    return None


def _why_not(officer: Officer, on: date) -> str:
    cards = _with_history(Certificate.objects.filter(officer_id=officer.pk, issued_on__lte=on))
    facts = [card_facts(c) for c in cards]
    if not facts:
        return "无执法证"
    return rules.best_reason(facts, on=on, policy=card_policy()) or "无有效执法证"


def check_officers_can_act(*, officers: Iterable[Officer], on: date) -> None:
    """Refuse unless at least two distinct officers each hold a card usable on ``on``.

    《中华人民共和国行政处罚法》(2021) 第四十二条, before 2021-07-15 第三十七条第一款 (two officers
    with 执法资格, cited as in force on ``on``); 《劳动保障监察条例》第十六条 (≥2 inspectors
    showing the card). Raises `Refused` naming who cannot act and why
    (已过期 / 暂扣 / 注销 / 未年审 / 无执法证).
    """
    distinct: dict[int, Officer] = {}
    for officer in officers:
        if officer is not None and officer.pk is not None:
            distinct.setdefault(officer.pk, officer)
    if len(distinct) < 2:
        raise Refused(
            f"执法人员不足两名（仅{len(distinct)}名），每个执法行为须有两名以上持有效执法证的执法人员",
            rules.basis_two_officers(on),
        )
    problems = [
        (officer.name, _why_not(officer, on))
        for officer in distinct.values()
        if valid_certificate(officer=officer, on=on) is None
    ]
    if problems:
        raise Refused(rules.unqualified_message(problems), rules.basis_qualified(on))


def usable_officers(*, on: date, org_unit=None) -> QuerySet[Officer]:
    """Active officers holding a card usable on ``on``; of ``org_unit`` and below if given."""
    usable = usable_certificates(on=on).filter(officer=OuterRef("pk"))
    qs = Officer.objects.filter(is_active=True).filter(Exists(usable))
    if org_unit is not None:
        qs = qs.filter(org_unit__path__startswith=org_unit.path)
    return qs.select_related("org_unit").order_by("org_unit__path", "name", "pk")


def _as_of(year: int) -> date:
    end, today = date(year, 12, 31), timezone.localdate()
    return today if today.year == year else end


def posts_on(day: date) -> QuerySet[Officer]:
    """Officers in enforcement posts on ``day``: active now, or left after that day."""
    return Officer.objects.filter(post=Post.ENFORCEMENT).filter(
        Q(is_active=True) | Q(left_on__gt=day)
    )


def certification_stats(*, year: int) -> dict:
    """The register's figures for ``year`` (report part 四(一)).

    ``rate`` is 持证率: officers in enforcement posts holding a usable card on ``as_of``
    (31 December, or today in the current year) / officers in enforcement posts. ``renewals``
    counts cards issued in the year that replace an earlier card (换证).
    """
    as_of = _as_of(year)
    posts = posts_on(as_of)
    usable = usable_certificates(on=as_of).filter(officer=OuterRef("pk"))
    officers = posts.count()
    certified = posts.filter(Exists(usable)).count()
    rate = rules.certification_rate(certified=certified, posts=officers)
    issued = Certificate.objects.filter(issued_on__year=year)
    reviews = CertificateReview.objects.filter(reviewed_on__year=year)
    exams = ExamResult.objects.filter(taken_on__year=year)
    hours = TrainingRecord.objects.filter(year=year).aggregate(total=Sum("hours"))["total"]
    total_hours = hours or Decimal(0)
    minimum = card_policy().min_training_hours
    trained = posts.annotate(
        hours=Sum("trainings__hours", filter=Q(trainings__year=year), default=Decimal(0))
    )
    return {
        "year": year,
        "as_of": as_of,
        "officers": officers,
        "certified": certified,
        "rate": rate.value,
        "rate_percent": rate.percent,
        "issued": issued.count(),
        "renewals": issued.filter(renewed_from__isnull=False).count(),
        "reviews": reviews.count(),
        "reviews_passed": reviews.filter(passed=True).count(),
        "training_hours_total": float(total_hours),
        "training_hours_average": round(float(total_hours) / officers, 1) if officers else 0.0,
        "min_training_hours": minimum,
        "training_short": trained.filter(hours__lt=minimum).count(),
        "exams": exams.count(),
        "exams_passed": exams.filter(passed=True).count(),
    }


# --- staff register --------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterRow:
    officer: Officer
    card: Certificate | None
    reason: str | None  # why the latest card is not usable today, None when usable
    expires_in: int | None  # days until the usable card's last day
    warn: bool


def officer_list(
    *, user, org_unit_id: int | None = None, query: str = "", status: str = "", active: str = "yes"
) -> QuerySet[Officer]:
    qs = scope_queryset(Officer.objects.select_related("org_unit", "user"), user=user)
    if org_unit_id:
        qs = qs.filter(org_unit_id=org_unit_id)
    if active == "yes":
        qs = qs.filter(is_active=True)
    elif active == "no":
        qs = qs.filter(is_active=False)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(certificates__number__icontains=query))
    if status in STATUS_LABELS:
        qs = qs.filter(certificates__status=status)
    return qs.distinct().order_by("org_unit__path", "name", "pk")


def register_rows(officers: Iterable[Officer], *, today: date) -> list[RegisterRow]:
    """Each officer with the latest card, whether it is usable today and how soon it expires."""
    officers = list(officers)
    cards = _with_history(
        Certificate.objects.filter(officer__in=officers).order_by("officer_id", "-issued_on", "-pk")
    )
    latest: dict[int, Certificate] = {}
    for card in cards:
        latest.setdefault(card.officer_id, card)
    warn_days, policy = option("OFFICERS_EXPIRY_WARNING_DAYS"), card_policy()
    rows = []
    for officer in officers:
        card = latest.get(officer.pk)
        reason = (
            str(rules.unusable_reason(card_facts(card), on=today, policy=policy) or "") or None
            if card
            else "无执法证"
        )
        left = (card.expires_on - today).days if card and reason is None else None
        rows.append(
            RegisterRow(officer, card, reason, left, left is not None and left <= warn_days)
        )
    return rows


def officer_get_for_user(*, pk: int, user) -> Officer:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(
        scope_queryset(Officer.objects.select_related("org_unit", "user"), user=user), pk=pk
    )


def officer_history(officer: Officer) -> dict:
    """Everything the detail page shows: cards (with reviews and suspensions), training, exams."""
    cards = list(
        Certificate.objects.filter(officer=officer)
        .select_related("renewed_from")
        .prefetch_related(
            Prefetch("reviews", queryset=CertificateReview.objects.select_related("reviewer")),
            "suspensions",
        )
        .order_by("-issued_on", "-pk")
    )
    trainings = list(officer.trainings.order_by("-attended_on", "-pk"))
    by_year: dict[int, Decimal] = {}
    for t in trainings:
        by_year[t.year] = by_year.get(t.year, Decimal(0)) + t.hours
    policy = card_policy()
    return {
        "cards": cards,
        "trainings": trainings,
        "hours_by_year": [
            (year, rules.training_shortfall(hours, policy))
            for year, hours in sorted(by_year.items(), reverse=True)
        ],
        "exams": list(officer.exams.order_by("-taken_on", "-pk")),
    }


def expiring_soon(*, user, today: date) -> QuerySet[Certificate]:
    """Usable cards whose last day falls within the warning period (for renewal)."""
    until = today + timedelta(days=option("OFFICERS_EXPIRY_WARNING_DAYS"))
    qs = usable_certificates(on=today).filter(expires_on__lte=until, officer__is_active=True)
    return scope_queryset(
        qs.select_related("officer", "officer__org_unit"), user=user, unit_field="officer__org_unit"
    ).order_by("expires_on")


def unit_counts(*, user, on: date) -> list[dict]:
    """Per unit: officers in posts and how many hold a usable card on ``on``."""
    usable = usable_certificates(on=on).filter(officer=OuterRef("pk"))
    qs = scope_queryset(posts_on(on), user=user).annotate(ok=Exists(usable))
    rows = (
        qs.values("org_unit__name", "org_unit__path")
        .annotate(total=Count("pk"), certified=Count("pk", filter=Q(ok=True)))
        .order_by("org_unit__path")
    )
    return [
        {**r, "rate": rules.certification_rate(certified=r["certified"], posts=r["total"])}
        for r in rows
    ]


# --- public ----------------------------------------------------------------------------------


def certificate_public(*, number: str, today: date) -> dict | None:
    """What the public may see about a card: name, unit, area, status, validity. Nothing else."""
    try:
        number = rules.normalise_number(number)
    except ValueError:
        return None
    card = (
        _with_history(Certificate.objects.select_related("officer__org_unit"))
        .filter(number=number)
        .first()
    )
    if card is None:
        return None
    reason = unusable_reason(card, on=today)
    return {
        "number": card.number,
        "name": card.officer.name,
        "org_unit": card.officer.org_unit.name,
        "area": card.area,
        "status": card.status,
        # an expired card reads 已过期, not 有效 (the stored status stays 有效 until 注销)
        "status_label": rules.public_status_label(str(STATUS_LABELS[card.status]), reason),
        "issued_on": card.issued_on,
        "expires_on": card.expires_on,
        "usable": reason is None,
        "reason": reason or "",
    }


def public_register(*, today: date, org_unit_id: int | None = None, query: str = ""):
    """执法公示（事前）: officers holding a usable card today (118号（四）): name, unit, number,
    area, status. Returns cards, not officers, so the number is at hand."""
    qs = usable_certificates(on=today).filter(officer__is_active=True)
    if org_unit_id:
        qs = qs.filter(officer__org_unit_id=org_unit_id)
    if query:
        qs = qs.filter(Q(officer__name__icontains=query) | Q(number__icontains=query))
    return qs.select_related("officer__org_unit").order_by(
        "officer__org_unit__path", "officer__name", "number"
    )


def reviewer_qualification_problem(*, user, on: date) -> str | None:
    """Why ``user`` may not give a 法制审核 opinion on a penalty on ``on`` for want of the
    法律职业资格 (行政处罚法 2021 第五十八条第二款), or None. "初次" is read from the user's
    earlier opinions (the enforcement reviews they signed)."""
    from django.apps import apps

    from fazhi.officers.models import LegalQualification

    qualification = LegalQualification.objects.filter(user=user).first()
    first = None
    try:
        reviews = apps.get_model("enforcement", "LegalReview")
    except LookupError:
        reviews = None
    if reviews is not None:
        first = (
            reviews.objects.filter(reviewer=user, reviewed_on__isnull=False)
            .order_by("reviewed_on")
            .values_list("reviewed_on", flat=True)
            .first()
        )
    return rules.reviewer_problem(
        on=on,
        first_reviewed_on=first,
        legal_qualification_on=qualification.obtained_on if qualification else None,
    )

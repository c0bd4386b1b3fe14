"""The draw of a plan in three audited steps: commit, draw, reveal (see domain/draw.py).

* ``draw_commit`` freezes the candidates (active employers), the inspector pool (officers with
  a card usable on the draw day) and the 回避 pairs, stores the frozen list, picks a 32-byte seed
  with ``secrets`` and publishes both SHA-256 values together with the public value the draw
  will wait for (its source and the day it is published: not before the commitment day). It
  refuses, writing nothing, when any candidate would have fewer than two inspectors after 回避
  — a check that does not depend on the seed, so nobody can retry for a favourable seed. A
  second draw of a plan is a re-draw: it needs a reason, which is published, and names the
  draw it repeats; that one stays as it was.
* ``draw_execute`` takes the public value (entered by the actor, on or after its day; stored
  with who entered it and when), re-reads the stored list, checks it against the commitment,
  runs the domain draw with ``SHA-256(seed || value)`` and writes the checks; a refusal writes
  nothing.
* ``draw_reveal`` publishes the seed. Until then no selector shows it.
"""

from __future__ import annotations

import gc
import gzip
import json
import secrets
from bisect import bisect_left
from collections import defaultdict
from contextlib import contextmanager
from datetime import date
from operator import itemgetter

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from fazhi.accounts.permissions import INSPECTIONS_MANAGE, require
from fazhi.core.caching import bump
from fazhi.core.domain.errors import Refused
from fazhi.core.services import entry_dates
from fazhi.core.services.numbering import take_serial
from fazhi.inspections.domain import draw as algo
from fazhi.inspections.models import (
    Check,
    Draw,
    DrawDateEntry,
    DrawInspector,
    Employer,
    InspectionPlan,
    OfficerEmployerRelation,
)
from fazhi.inspections.selectors import frozen_storage, list_path, read_frozen
from fazhi.inspections.services._common import record
from fazhi.officers.selectors import usable_certificates, usable_officers

BASIS_STATE = "国办发〔2015〕58号（抽查过程全程留痕）"
FETCH = 20_000


@contextmanager
def _bulk():
    """Hold the cyclic GC during the bulk phases: millions of fresh tuples would otherwise
    trigger repeated full collections (they hold no cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# The active employers in code-point order of their USCC, read in that order from the covering
# index of migration 0002 (no sort, no table look-up): the million rows are then made in that
# order, and the passes that follow (freeze, draw) read memory in order; sorted in Python they
# would stay scattered, a cache miss per row on every later pass. SQLite compares TEXT by
# bytes; PostgreSQL needs the "C" collation for code-point order.
_CANDIDATES_SQL = {
    "sqlite": "SELECT uscc, stratum FROM {table} WHERE is_active ORDER BY uscc",
    "postgresql": 'SELECT uscc, stratum FROM {table} WHERE is_active ORDER BY uscc COLLATE "C"',
}


def _candidates() -> list[tuple[str, str]]:
    """(uscc, stratum) of every active employer sorted by USCC, read in chunks."""
    sql = _CANDIDATES_SQL.get(connection.vendor)
    table = connection.ops.quote_name(Employer._meta.db_table)
    rows: list[tuple[str, str]] = []
    with connection.cursor() as cursor:
        cursor.execute(
            (sql or "SELECT uscc, stratum FROM {table} WHERE is_active").format(table=table)
        )
        while chunk := cursor.fetchmany(FETCH):
            rows += map(tuple, chunk)
    if sql is None:
        rows.sort(key=itemgetter(0))  # USCC is unique: string compares, not tuple compares
    return rows


class _SortedSet:
    """Membership in a sorted list by bisection: the 回避 pairs are checked against the
    candidates without building a set of a million USCCs."""

    def __init__(self, items: list[str]):
        self._items = items

    def __contains__(self, item: str) -> bool:
        i = bisect_left(self._items, item)
        return i < len(self._items) and self._items[i] == item


def _pool(on: date, org_unit=None) -> list[tuple[int, str, str]]:
    """(officer id, certificate number, name) of the pool on ``on``: the organising unit's
    officers (and its units') with a usable card."""
    officers = {o.pk: o.name for o in usable_officers(on=on, org_unit=org_unit)}
    cards: dict[int, tuple[date, str]] = {}
    usable = usable_certificates(on=on).filter(officer_id__in=officers)
    for officer_id, number, issued in usable.values_list("officer_id", "number", "issued_on"):
        if officer_id not in cards or (issued, number) > cards[officer_id]:
            cards[officer_id] = (issued, number)
    return sorted((pk, cards[pk][1], officers[pk]) for pk in cards)


def previous_draws(plan: InspectionPlan) -> list[Draw]:
    """For each item of the plan, its latest completed draw ("not twice running")."""
    found: dict[int, Draw] = {}
    for item in plan.items.all():
        latest = (
            Draw.objects.filter(
                plan__items=item, status__in=[Draw.Status.DRAWN, Draw.Status.REVEALED]
            )
            .order_by("-drawn_at", "-pk")
            .first()
        )
        if latest is not None:
            found[latest.pk] = latest
    return list(found.values())


def _exclusions(plan, on: date, pool: list[tuple[int, str, str]], active: _SortedSet):
    cert_of = {officer_id: cert for officer_id, cert, _ in pool}
    pairs: set[tuple[str, str]] = set()
    relations = OfficerEmployerRelation.objects.filter(
        officer_id__in=cert_of, since__lte=on
    ).filter(Q(until__isnull=True) | Q(until__gt=on))
    for officer_id, uscc in relations.values_list("officer_id", "employer__uscc"):
        if uscc in active:
            pairs.add((cert_of[officer_id], uscc))
    for previous in previous_draws(plan):
        checks = Check.objects.filter(draw=previous).values_list(
            "uscc", "first_inspector__officer_id", "second_inspector__officer_id"
        )
        for uscc, first, second in checks.iterator(chunk_size=FETCH):
            for officer_id in (first, second):
                if officer_id in cert_of and uscc in active:
                    pairs.add((cert_of[officer_id], uscc))
    return sorted(pairs)


def _next_number(year: int) -> str:
    """YYYY-NNN from core's locked counter (never by counting: concurrent draws collided)."""

    def used() -> int:
        tails = Draw.objects.filter(number__startswith=f"{year}-").values_list("number", flat=True)
        return max((int(n[5:]) for n in tails if n[5:].isdigit()), default=0)

    return f"{year}-{take_serial('inspections.draw', year, floor=used):03d}"


def _name_of(uscc: str) -> str:
    return Employer.objects.filter(uscc=uscc).values_list("name", flat=True).first() or ""


def _beacon_terms(source: str, on: date | None) -> tuple[str, date]:
    source = " ".join((source or "").split())
    if not source or on is None:
        raise Refused(
            "请写明抽取将采用的公开随机值及其公布日期（如“中国福利彩票双色球第2026140期开奖号码”），"
            "以便任何人核验抽取结果不由本系统单方决定",
            algo.BASIS_BEACON,
        )
    if len(source) > 200:
        raise Refused("公开随机值来源不能超过200个字符", algo.BASIS_BEACON)
    today = timezone.localdate()
    if on < today:
        raise Refused(
            f"公开随机值须在承诺公布之后产生：其公布日期（{on:%Y年%m月%d日}）不能早于今天",
            algo.BASIS_BEACON,
        )
    return source, on


def _previous_of_plan(plan: InspectionPlan) -> Draw | None:
    return Draw.objects.filter(plan=plan).order_by("-committed_at", "-pk").first()


@transaction.atomic
def draw_commit(
    *,
    plan: InspectionPlan,
    on: date,
    actor,
    beacon_source: str = "",
    beacon_date: date | None = None,
    redraw_reason: str = "",
    seed: bytes | None = None,
) -> Draw:
    """Step 1: freeze the lists, store them, choose the seed, publish the commitment and the
    public value the draw will mix in (``beacon_source``, published on ``beacon_date``, not
    before today).

    Refuses (nothing written) a commitment without a public value, a re-draw of a plan without
    a reason, an empty directory, a pool of fewer than two inspectors (《劳动保障监察条例》
    第十六条) or a candidate with fewer than two inspectors after 回避 (第十六条; 行政处罚法
    第四十三条), naming the employer. Audits ``inspections.draw.commit``.
    """
    require(actor, INSPECTIONS_MANAGE, unit=plan.org_unit)
    # issue 18.5: the pool's day is a typed date, never after the day of entry
    entry_dates.check_typed(on, DrawDateEntry.step_labels["pool"])
    InspectionPlan.objects.select_for_update().get(pk=plan.pk)
    beacon = _beacon_terms(beacon_source, beacon_date)
    previous = _previous_of_plan(plan)
    reason = (redraw_reason or "").strip()
    if previous is not None and not reason:
        raise Refused(
            f"该计划已有抽取 {previous.number}（{Draw.Status(previous.status).label}），"
            "重新抽取须填写原因，原因将与原抽取一并公开",
            BASIS_STATE,
        )
    if previous is None and reason:
        reason = ""  # a first draw is not a re-draw
    bump("inspections")  # public pages show it: a new version on commit
    with _bulk():
        return _commit(plan, on, actor, seed, beacon, previous, reason)


def _commit(plan, on, actor, seed, beacon, previous, reason) -> Draw:
    employers = _candidates()
    if not employers:
        raise Refused("检查对象名录库为空，无法抽取", "国发〔2019〕5号（一单两库）")
    pool = _pool(on, plan.org_unit)
    if len(pool) < algo.MIN_INSPECTORS:
        raise Refused(
            f"{on:%Y年%m月%d日}持有效执法证的检查人员只有 {len(pool)} 名，少于 2 名", algo.BASIS_TWO
        )
    pairs = _exclusions(plan, on, pool, _SortedSet(list(map(itemgetter(0), employers))))
    per_employer: dict[str, int] = defaultdict(int)
    for _, uscc in pairs:
        per_employer[uscc] += 1
    for uscc, count in sorted(per_employer.items()):
        if len(pool) - count < algo.MIN_INSPECTORS:
            raise algo.TooFewInspectors(
                uscc, len(pool) - count, algo.MIN_INSPECTORS, _name_of(uscc)
            )
    frozen = algo.freeze(
        employers=employers,
        inspectors=[c for _, c, _ in pool],
        exclusions=pairs,
        shares=plan.shares,
    )
    seed = seed if seed is not None else secrets.token_bytes(algo.SEED_BYTES)
    algo.new_seed_check(seed)
    sha = algo.sha256_hex(frozen)
    path = list_path(sha)
    if not frozen_storage().exists(path):
        frozen_storage().save(path, ContentFile(gzip.compress(frozen, compresslevel=1, mtime=0)))
    draw = Draw.objects.create(
        plan=plan,
        number=_next_number(plan.year),
        status=Draw.Status.COMMITTED,
        algorithm=algo.ALGORITHM,
        drawn_on=on,
        list_sha256=sha,
        seed_sha256=algo.sha256_hex(seed),
        seed_hex=seed.hex(),
        list_path=path,
        list_bytes=len(frozen),
        candidates=len(employers),
        pool_size=len(pool),
        exclusions=len(pairs),
        committed_at=timezone.now(),
        beacon_source=beacon[0],
        beacon_date=beacon[1],
        redraw_of=previous if reason else None,
        redraw_reason=reason[:2000],
    )
    DrawInspector.objects.bulk_create(
        [DrawInspector(draw=draw, officer_id=o, certificate_number=c, name=n) for o, c, n in pool]
    )
    # the typed day beside the commitment that entered it: back-dated when before that day
    entry = entry_dates.record_typed_date(
        DrawDateEntry,
        owner={"draw": draw},
        step="pool",
        on=on,
        actor=actor,
        previous_step="commit",
        previous_entered_on=timezone.localtime(draw.committed_at).date(),
    )
    record(
        "draw.commit",
        actor,
        draw,
        number=draw.number,
        plan=plan.pk,
        list_sha256=sha,
        seed_sha256=draw.seed_sha256,
        candidates=len(employers),
        pool=len(pool),
        exclusions=len(pairs),
        on=on,
        on_backdated=entry.backdated,
        algorithm=draw.algorithm,
        beacon_source=draw.beacon_source,
        beacon_date=draw.beacon_date,
        redraw_of=previous.number if reason else None,
        redraw_reason=reason or None,
    )
    return draw


_CHECK_COLUMNS = (
    "draw_id",
    "index",
    "employer_id",
    "uscc",
    "employer_name",
    "stratum",
    "first_inspector_id",
    "second_inspector_id",
)


def _insert_checks(draw: Draw, checks: list[algo.DrawnCheck], inspectors: dict[str, int]) -> None:
    """Write the draw's checks with each employer's id and name from the directory. Refuses
    when a drawn USCC is no longer in the directory (the caller's transaction writes nothing).

    The fastest way differs per database, measured on 75,000 checks: SQLite joins the
    directory in one INSERT … SELECT over the drawn rows bound as one JSON array (0.5 s, half
    of reading the names back into Python for executemany); PostgreSQL reads (id, name) with
    one array parameter and writes with COPY (an INSERT … SELECT inserted row by row, 2× slower
    than COPY's batched heap writes)."""
    meta = Check._meta
    table = connection.ops.quote_name(meta.db_table)
    names = ", ".join(
        connection.ops.quote_name(meta.get_field(c.removesuffix("_id")).column)
        for c in _CHECK_COLUMNS
    )
    pairs = [(inspectors[c.inspectors[0]], inspectors[c.inspectors[1]]) for c in checks]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            employers = _employers_of(cursor, [c.uscc for c in checks])
            if len(employers) == len(checks):
                with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for c, (first, second) in zip(checks, pairs, strict=True):
                        pk, name = employers[c.uscc]
                        copy.write_row(
                            (draw.pk, c.index, pk, c.uscc, name, c.stratum, first, second)
                        )
            written = len(employers)
        else:
            rows = [
                (c.index, c.uscc, c.stratum, first, second)
                for c, (first, second) in zip(checks, pairs, strict=True)
            ]
            value = [f"json_extract(j.value, '$[{n}]')" for n in range(5)]
            cursor.execute(
                f"INSERT INTO {table} ({names}) SELECT %s, {value[0]}, e.id, e.uscc, e.name,"  # noqa: S608
                f" {value[2]}, {value[3]}, {value[4]} FROM json_each(%s) AS j JOIN"
                f" {connection.ops.quote_name(Employer._meta.db_table)} e ON e.uscc = {value[1]}",
                [draw.pk, json.dumps(rows, ensure_ascii=False)],
            )
            written = cursor.rowcount
    if written != len(checks):
        raise Refused(
            f"被抽中的单位（统一社会信用代码 {_first_missing([c.uscc for c in checks])}）"
            "已不在检查对象名录库中，本次抽取不予进行",
            BASIS_STATE,
        )


def _employers_of(cursor, usccs: list[str]) -> dict[str, tuple[int, str]]:
    """(id, name) by USCC, all in one array parameter (an IN list of 75,000 would be parsed by
    psycopg in Python)."""
    table = connection.ops.quote_name(Employer._meta.db_table)
    cursor.execute(f"SELECT id, uscc, name FROM {table} WHERE uscc = ANY(%s)", [usccs])  # noqa: S608
    return {uscc: (pk, name) for pk, uscc, name in cursor.fetchall()}


def _first_missing(usccs: list[str]) -> str:
    for start in range(0, len(usccs), 900):  # under SQLite's parameter limit
        chunk = usccs[start : start + 900]
        present = set(Employer.objects.filter(uscc__in=chunk).values_list("uscc", flat=True))
        for uscc in chunk:
            if uscc not in present:
                return uscc
    return ""


def _locked(draw: Draw, expected: str) -> Draw:
    draw = Draw.objects.select_for_update().get(pk=draw.pk)
    if draw.status != expected:
        label = Draw.Status(draw.status).label
        raise Refused(
            f"抽取 {draw.number} 当前状态为“{label}”，不能进行此操作（可能已被他人处理）",
            BASIS_STATE,
        )
    return draw


def _input_of(draw: Draw) -> algo.DrawInput:
    frozen = read_frozen(draw)
    if algo.sha256_hex(frozen) != draw.list_sha256:
        raise Refused(
            f"抽取 {draw.number} 存储的冻结名单与公布的承诺值不一致，停止抽取", BASIS_STATE
        )
    return algo.parse(frozen, check_canonical=False)


@transaction.atomic
def draw_execute(*, draw: Draw, actor, beacon: str = "") -> Draw:
    """Step 2: the draw itself, from the stored list, the committed seed and the public value
    ``beacon`` (as published by the committed source; entered now, stored with its enterer).

    Refuses (nothing written) a draw not in the committed state, a missing public value or one
    entered before its publication day, a stored list that no longer matches its commitment,
    or a check that cannot have two inspectors after 回避. Audits ``inspections.draw.draw``
    with the public value and the SHA-256 of the result.
    """
    require(actor, INSPECTIONS_MANAGE, unit=draw.plan.org_unit)
    draw = _locked(draw, Draw.Status.COMMITTED)
    if draw.algorithm == algo.ALGORITHM_V2:
        if timezone.localdate() < draw.beacon_date:
            raise Refused(
                f"公开随机值（{draw.beacon_source}）于{draw.beacon_date:%Y年%m月%d日}公布，"
                "此前不能抽取",
                algo.BASIS_BEACON,
            )
        draw.beacon_value = algo.beacon_text(beacon)
        draw.beacon_entered_at = timezone.now()
        draw.beacon_entered_by = actor if getattr(actor, "pk", None) else None
    bump("inspections")  # public pages show it: a new version on commit
    with _bulk():
        return _execute(draw, actor)


def _execute(draw: Draw, actor) -> Draw:
    value = _input_of(draw)
    seed = algo.draw_seed(draw.algorithm, bytes.fromhex(draw.seed_hex), draw.beacon_value)
    try:
        result = algo.draw(value, seed)
    except algo.TooFewInspectors as exc:
        raise algo.TooFewInspectors(
            exc.uscc, exc.available, exc.needed, _name_of(exc.uscc)
        ) from None
    inspectors = {d.certificate_number: d.pk for d in draw.pool.all()}
    _insert_checks(draw, result.checks, inspectors)
    draw.status, draw.drawn_at = Draw.Status.DRAWN, timezone.now()
    draw.result_sha256 = result.digest()
    draw.strata = [
        {"stratum": s.stratum, "size": s.size, "share": s.share, "drawn": s.drawn}
        for s in result.strata
    ]
    draw.version += 1
    draw.save()
    record(
        "draw.draw",
        actor,
        draw,
        number=draw.number,
        checks=len(result.checks),
        result_sha256=draw.result_sha256,
        beacon=draw.beacon_value or None,
    )
    return draw


@transaction.atomic
def draw_reveal(*, draw: Draw, actor) -> Draw:
    """Step 3: publish the seed so anyone can re-run the draw. Audits ``inspections.draw.reveal``."""
    require(actor, INSPECTIONS_MANAGE, unit=draw.plan.org_unit)
    draw = _locked(draw, Draw.Status.DRAWN)
    draw.status, draw.revealed_at = Draw.Status.REVEALED, timezone.now()
    draw.version += 1
    draw.save(update_fields=["status", "revealed_at", "version"])
    record("draw.reveal", actor, draw, number=draw.number, seed=draw.seed_hex)
    bump("inspections")  # public pages show it: a new version on commit
    return draw


@transaction.atomic
def draw_cancel(*, draw: Draw, reason: str, actor) -> Draw:
    """Cancel a committed draw that has not been drawn; stays public with the reason (so a
    re-draw is visible). Audits ``inspections.draw.cancel``."""
    require(actor, INSPECTIONS_MANAGE, unit=draw.plan.org_unit)
    if not reason.strip():
        raise Refused("请填写作废原因", BASIS_STATE)
    draw = _locked(draw, Draw.Status.COMMITTED)
    draw.status, draw.cancel_reason = Draw.Status.CANCELLED, reason.strip()[:300]
    draw.version += 1
    draw.save(update_fields=["status", "cancel_reason", "version"])
    record("draw.cancel", actor, draw, number=draw.number, reason=draw.cancel_reason)
    bump("inspections")  # public pages show it: a new version on commit
    return draw


def draw_run(
    *,
    plan: InspectionPlan,
    on: date,
    actor,
    beacon_source: str,
    beacon_date: date,
    beacon: str,
    redraw_reason: str = "",
) -> Draw:
    """Commit, draw and reveal in turn (three transactions, three audit events): only when the
    public value is published today, after the commitment."""
    draw = draw_commit(
        plan=plan,
        on=on,
        actor=actor,
        beacon_source=beacon_source,
        beacon_date=beacon_date,
        redraw_reason=redraw_reason,
    )
    draw = draw_execute(draw=draw, actor=actor, beacon=beacon)
    bump("inspections")  # public pages show it: a new version on commit
    return draw_reveal(draw=draw, actor=actor)

"""Demo records for `fazhi demo`: the 2018 and 2019 service catalogues and a year of licensing.

The catalogues (``demo_catalogue.ITEMS``) are built so that ``compare_catalogues`` yields the
report's reductions (licensing items −50%, materials −30%, average promised time −83%); the
figures are computed, never stored. About 120 applications of 2019 then run through the
services on the 2019 calendar: most granted (many by 无人审批), some corrected once, some
extended with a leader's approval, a few refused, and two themed bundles. Fixed patterns over
the index (no randomness). Idempotent: catalogues keyed by year, applications by tracking code.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from fazhi.core.domain.calendar import CalendarDataMissing
from fazhi.core.domain.identifiers import USCC_ALPHABET, org_code_check_char, validate_uscc
from fazhi.core.selectors.calendar import work_calendar
from fazhi.govservices.demo_catalogue import (
    AUTO_STEPS,
    INSTANT_STEPS,
    ITEMS,
    LICENCE,
    LICENSING_STEPS,
    SERVICE_STEPS,
)
from fazhi.govservices.models import Bundle, BundleApplication, CatalogueVersion, LicenseApplication
from fazhi.govservices.services import bundles as bundle_services
from fazhi.govservices.services import catalogue as cat
from fazhi.govservices.services import licensing as lic
from fazhi.govservices.services import registers
from fazhi.govservices.services.licensing import TRACKING_ALPHABET
from fazhi.powers.models import PowerItem

YEAR = 2019
APPLICATIONS = 120
BUREAU = "天津市人力资源和社会保障局"
ITEM_CYCLE = (
    "XK-LWPQ",
    "XK-RLZY",
    "XK-GS",
    "XK-LWPQ",
    "XK-RLZY",
    "XK-GS",
    "XK-LWPQ",
    "XK-RLZY",
    "XK-GS",
    "XK-LWPQ",
    "XK-RLZY",
    "XK-MBPX",
)
TRADES = (
    "人力资源服务",
    "劳务派遣",
    "物流",
    "物业管理",
    "餐饮管理",
    "电子科技",
    "建筑劳务",
    "家政服务",
    "保安服务",
    "职业培训",
)
PLACES = ("和平", "河东", "河西", "南开", "滨海", "津南", "西青", "东丽")
SURNAMES = ("张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙")
DISTRICT_CODES = ("120101", "120102", "120103", "120104", "120116", "120112", "120111", "120110")


def demo_uscc(index: int) -> str:
    body = f"MA5{index + 1:05d}"
    stem = "91" + DISTRICT_CODES[index % len(DISTRICT_CODES)] + body + org_code_check_char(body)
    return next(stem + c for c in USCC_ALPHABET if validate_uscc(stem + c).is_valid)


def tracking_code(prefix: str, index: int) -> str:
    digits = []
    for _ in range(6):
        index, rest = divmod(index, len(TRACKING_ALPHABET))
        digits.append(TRACKING_ALPHABET[rest])
    return prefix + "".join(reversed(digits))


def load(ctx) -> None:
    _catalogues(ctx)
    try:
        _applications(ctx)
    except CalendarDataMissing as exc:  # no 2019 calendar: catalogue only
        ctx.notes.append(f"未创建许可申请演示数据：{exc}")


# --- catalogues -----------------------------------------------------------------------------


def _materials(names) -> list[cat.MaterialIn]:
    out = []
    for name in names:
        shared, optional = name.startswith("*"), name.startswith("?")
        out.append(
            cat.MaterialIn(
                name=name.lstrip("*?"),
                is_shared=shared,
                is_required=not optional,
                source="government" if shared else "applicant",
            )
        )
    return out


def _catalogues(ctx) -> None:
    if CatalogueVersion.objects.filter(year__in=(2018, 2019)).count() == 2:
        return
    powers = {p.code: p for p in PowerItem.objects.all()}
    for year, published in ((2018, date(2018, 3, 1)), (2019, date(2019, 3, 1))):
        if CatalogueVersion.objects.filter(year=year).exists():
            continue
        catalogue = cat.catalogue_create(
            year=year, label=f"{BUREAU}政务服务事项目录（{year}年版）", actor=ctx.actor
        )
        for row in ITEMS:
            _item(ctx, catalogue, row, powers)
        if year == 2019:
            _bundles(ctx, catalogue)
        cat.catalogue_publish(catalogue=catalogue, on=published, actor=ctx.actor)
        ctx.created["service_catalogues"] += 1


def _item(ctx, catalogue, row, powers) -> None:
    code, name, kind, unit, power, days18, days19, auto, mats18, mats19, merged, note = row
    old = catalogue.year == 2018
    promised = days18 if old else days19
    if promised is None:
        return
    materials = mats18 if old else (mats19 if mats19 is not None else mats18)
    auto = "" if old else auto
    licensing = kind == "licensing"
    category, licence_name, issuer, validity = LICENCE.get(code, ("", "", "", None))
    if licensing:
        steps = AUTO_STEPS if auto else LICENSING_STEPS
    else:
        steps = INSTANT_STEPS if promised == 0 else SERVICE_STEPS
    cat.service_item_add(
        catalogue=catalogue,
        code=code,
        name=name,
        kind=kind,
        org_unit=ctx.units[unit],
        accepting_body="市政务服务中心人社窗口",
        deciding_body=BUREAU,
        promised_days=promised,
        statutory_days=20 if licensing else None,
        statutory_text="20个工作日，经负责人批准可延长10个工作日（《中华人民共和国行政许可法》第四十二条）"
        if licensing
        else "",
        materials=_materials(materials),
        steps=steps,
        power_item=powers.get(power),
        is_instant=promised == 0,
        is_online=not old or licensing,
        auto_rule=auto,
        licence_category=category,
        licence_name=licence_name,
        number_issuer=issuer,
        validity_years=validity,
        merged_into=merged if old else "",
        change_note=note if (old and (merged or "取消" in note)) or (not old and note) else "",
        legal_basis=getattr(powers.get(power), "name", "") and f"见权责清单事项{power}",
        conditions="申请材料齐全、符合法定形式" if licensing else "",
        actor=ctx.actor,
    )
    ctx.created["service_items"] += 1


def _bundles(ctx, catalogue) -> None:
    items = {i.code: i for i in catalogue.items.all()}
    cat.bundle_create(
        catalogue=catalogue,
        code="ZT-KBRLZY",
        name="开办人力资源服务机构",
        items=[items["XK-RLZY"], items["XK-LWPQ"]],
        actor=ctx.actor,
        description="同时申请人力资源服务许可和劳务派遣经营许可，共用材料只交一次",
    )
    cat.bundle_create(
        catalogue=catalogue,
        code="ZT-QYYG",
        name="企业用工审批",
        items=[items["XK-LWPQ"], items["XK-GS"]],
        actor=ctx.actor,
        description="劳务派遣经营许可与特殊工时制度审批一次申请",
    )


# --- applications ---------------------------------------------------------------------------


def _applicant(index: int) -> dict:
    place, trade = PLACES[index % len(PLACES)], TRADES[index % len(TRADES)]
    surname = SURNAMES[index % len(SURNAMES)]
    return {
        "applicant_name": f"天津{place}{'恒瑞鑫达华安泰和'[index % 8]}{trade}有限公司（{index + 1}号）",
        "applicant_category": "legal_person",
        "applicant_uscc": demo_uscc(index),
        "legal_representative": f"{surname}{'建国志强海燕立新'[index % 4 * 2 : index % 4 * 2 + 2]}",
        "contact_name": f"{surname}经理",
        "contact_phone": f"13{index % 10}{(20190000 + index * 37) % 100000000:08d}",
        "contact_address": f"天津市{place}区某某路{index + 1}号",
    }


def _facts(index: int, pattern: int) -> dict:
    return {
        "registered_capital_yuan": 1500000 if pattern == 6 else 2000000 + 100000 * (index % 30),
        "credit_blacklisted": False,
        "revoked_within_3_years": None if pattern == 8 else False,  # unknown → a person decides
        "full_time_staff": 2 if pattern == 6 else 3 + index % 6,
    }


def _applications(ctx) -> None:
    catalogue = CatalogueVersion.objects.get(year=YEAR)
    items = {i.code: i for i in catalogue.items.prefetch_related("materials")}
    calendar = work_calendar()
    clerk, leader = ctx.users["jingban"], ctx.users["leader"]
    start = date(YEAR, 1, 2)
    # Every application's steps are run in the order of their dates, not application by
    # application: licence numbers follow the grant dates (issue 18.5), and the service refuses
    # a grant dated before one already numbered.
    steps: list[tuple[date, int, Step]] = []
    for index in range(APPLICATIONS):
        code = tracking_code("XK", index)
        if LicenseApplication.objects.filter(tracking_code=code).exists():
            continue
        received = calendar.add_working_days(start, index * 2 + 1)
        if received > ctx.today:
            break
        item = items[ITEM_CYCLE[index % len(ITEM_CYCLE)]]
        steps += _one(ctx, index, item, received, code, calendar, clerk, leader)
        ctx.created["license_applications"] += 1
    steps += _bundle_applications(ctx, catalogue, calendar, clerk)
    for _day, _order, step in sorted(steps, key=lambda s: s[:2]):
        step()


Step = Callable[[], object]


def _one(ctx, index, item, received, code, calendar, clerk, leader) -> list[tuple[date, int, Step]]:
    """The application's steps, each with its date: up to acceptance (and extension) on the
    day of receipt, the decision on its own day."""
    # The demo clerk handles their own division's applications (and sees them in the register);
    # the other divisions have no demo clerk: the administrator enters theirs, unassigned.
    handler = clerk if item.org_unit_id == clerk.org_unit_id else None
    actor = handler or ctx.actor
    pattern = index % 10
    refused = pattern == 6 and index % 20 == 6
    wanted = [m.name for m in item.materials.all() if m.applicant_submits]
    # pattern 7: one material missing → 一次告知
    handed = wanted[:-1] if pattern == 7 else wanted
    if pattern == 6 and not refused:
        pattern = 0
    facts = _facts(index, pattern)
    day = received
    if pattern == 7:
        notice_on = calendar.add_working_days(received, 2)
        day = calendar.add_working_days(notice_on, 3)
    accepted = day if pattern == 7 else calendar.add_working_days(received, 1)
    decide_on = calendar.add_working_days(accepted, 8 + index % 9)
    pending = decide_on > ctx.today or index >= APPLICATIONS - 2  # still under review
    if pattern == 8 and not pending:
        decide_on = calendar.add_working_days(accepted, 24)
    app: dict[str, LicenseApplication] = {}

    def receive() -> None:
        if pattern != 8:  # pattern 8: not in the register → 无人审批 leaves it to a person
            registers.register_entries_import(
                rows=[
                    {
                        "uscc": _applicant(index)["applicant_uscc"],
                        "name": _applicant(index)["applicant_name"],
                        "registered_capital_yuan": facts["registered_capital_yuan"],
                        "credit_blacklisted": facts["credit_blacklisted"],
                        "licence_revoked_on": None,
                    }
                ],
                source="演示：市场主体登记及信用信息",
                actor=ctx.actor,
            )
        app["it"] = lic.application_submit(
            item=item,
            received_on=received,
            actor=actor,
            handler=handler,
            materials=handed,
            facts=facts,
            is_online=bool(item.auto_rule) and pattern != 7,
            tracking_code=code,
            **_applicant(index),
        )
        if app["it"].status != "received":  # decided by 无人审批
            return
        if pattern == 7:
            lic.application_correction_notice(application=app["it"], on=notice_on, actor=actor)
            lic.application_supplement(
                application=app["it"], materials=wanted[-1:], on=day, actor=actor
            )
        lic.application_accept(application=app["it"], on=accepted, actor=actor)
        if pattern == 8 and not pending:
            lic.application_extend(
                application=app["it"],
                approver=leader,
                actor=actor,
                reason="需实地核查经营场所，经局领导批准延长十个工作日",
            )

    def decide() -> None:
        app["it"].refresh_from_db()
        if app["it"].status != "accepted":
            return
        if refused:
            reasons = (
                "经审查，申请人注册资本不足人民币二百万元，不符合《中华人民共和国劳动合同法》第五十七条规定的条件"
                if item.code == "XK-LWPQ"
                else "经审查，申请人专职工作人员不足3名，不符合本局公布的审批标准"
            )
            lic.application_refuse(
                application=app["it"], on=decide_on, reasons=reasons, actor=actor
            )
        else:
            lic.application_grant(application=app["it"], on=decide_on, actor=actor)

    steps: list[tuple[date, int, Step]] = [(received, index, receive)]
    if not pending:
        steps.append((decide_on, index, decide))
    return steps


def _bundle_applications(ctx, catalogue, calendar, clerk) -> list[tuple[date, int, Step]]:
    steps: list[tuple[date, int, Step]] = []
    for n, (bundle_code, received) in enumerate(
        (("ZT-KBRLZY", date(YEAR, 5, 13)), ("ZT-QYYG", date(YEAR, 9, 23)))
    ):
        if (
            received > ctx.today
            or BundleApplication.objects.filter(tracking_code=tracking_code("ZT", n)).exists()
        ):
            continue
        steps += _bundle_steps(ctx, catalogue, calendar, clerk, n, bundle_code, received)
        ctx.created["bundle_applications"] += 1
    return steps


def _bundle_steps(ctx, catalogue, calendar, clerk, n, bundle_code, received):
    bundle = Bundle.objects.get(catalogue=catalogue, code=bundle_code)
    accepted = calendar.add_working_days(received, 1)
    parts: list[tuple[LicenseApplication, object]] = []

    def receive() -> None:
        names = list(
            dict.fromkeys(
                m.name
                for item in bundle.items.all()
                for m in item.materials.all()
                if m.applicant_submits
            )
        )
        # one handler for every part: the clerk only if all parts are their division's
        own = all(item.org_unit_id == clerk.org_unit_id for item in bundle.items.all())
        parent = bundle_services.bundle_submit(
            bundle=bundle,
            received_on=received,
            actor=clerk,
            handler=clerk if own else None,
            materials=names,
            facts=_facts(200 + n, 0),
            is_online=True,
            tracking_code=tracking_code("ZT", n),
            **_applicant(200 + n),
        )
        for part in parent.parts.filter(status="received").select_related("item"):
            actor = clerk if part.item.org_unit_id == clerk.org_unit_id else ctx.actor
            lic.application_accept(application=part, on=accepted, actor=actor)
            parts.append((part, actor))

    def decide() -> None:
        for part, actor in parts:
            lic.application_grant(
                application=part, on=calendar.add_working_days(accepted, 4), actor=actor
            )

    order = APPLICATIONS + n
    return [(received, order, receive), (calendar.add_working_days(accepted, 4), order, decide)]

"""Staff pages of the 学法用法 exam. Thin: each action calls one service and shows its refusal;
what a page offers comes from accounts.permissions."""

from __future__ import annotations

from io import BytesIO
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from fazhi.accounts.permissions import (
    EDUCATION_MANAGE,
    EDUCATION_SIT,
    allowed,
    pufa_rule,
    require,
)
from fazhi.core.domain.errors import Refused
from fazhi.education import selectors, services
from fazhi.education.api import sitting_out
from fazhi.education.domain import exam as exam_rules
from fazhi.education.models import Exam, Sitting


def _xlsx(wb, filename: str) -> HttpResponse:
    out = BytesIO()
    wb.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


@login_required
def index(request):
    require(request.user, EDUCATION_SIT)
    mine = []
    now = timezone_now()
    for exam in selectors.my_exams(request.user):
        sittings = list(selectors.my_sittings(request.user, exam))
        offer = exam_rules.start_offer(
            now,
            exam.opens_at,
            exam.closes_at,
            attempts=exam.attempts,
            taken=len(sittings),
            passed=any(s.passed for s in sittings),
            in_progress=any(not s.submitted_at and now < s.deadline for s in sittings),
        )
        mine.append({"exam": exam, "sittings": sittings, "offer": offer})
    managed = Exam.objects.all() if allowed(request.user, EDUCATION_MANAGE) else []
    context = {
        "mine": mine,
        "managed": managed,
        "can_manage": allowed(request.user, EDUCATION_MANAGE),
        "year": timezone_year(),
    }
    return render(request, "education/index.html", context)


@login_required
def exam_detail(request, pk: int):
    exam = get_object_or_404(Exam, pk=pk)
    require(request.user, EDUCATION_MANAGE, unit=exam.org_unit)
    from fazhi.accounts.models import OrgUnit
    from fazhi.accounts.roles import ROLES

    context = {
        "exam": exam,
        "stats": selectors.participation(exam),
        "rules": selectors.rules_text(exam),
        "units": OrgUnit.objects.order_by("path"),
        "roles": ROLES,
        "can_enrol": timezone_now() < exam.closes_at,
    }
    return render(request, "education/exam.html", context)


def timezone_now():
    from django.utils import timezone

    return timezone.now()


@login_required
@require_POST
def exam_start(request, pk: int):
    exam = get_object_or_404(Exam, pk=pk)
    try:
        sitting = services.sitting_start(exam=exam, actor=request.user)
    except Refused as exc:
        messages.error(request, exc.message)
        return redirect("education:index")
    return redirect("education:sitting", pk=sitting.pk)


@login_required
def sitting_page(request, pk: int):
    sitting = get_object_or_404(Sitting.objects.select_related("enrolment__exam"), pk=pk)
    if sitting.enrolment.user_id != request.user.pk:
        raise Http404
    if request.method == "POST":
        try:
            for q in sitting.questions:
                values = request.POST.getlist(f"q{q}")
                if values or f"seen{q}" in request.POST:
                    services.answer_save(
                        sitting=sitting, question=q, response="".join(values), actor=request.user
                    )
            if request.POST.get("action") == "submit":
                done = services.sitting_submit(sitting=sitting, actor=request.user)
                messages.success(request, f"已交卷，成绩 {done.score} 分。")
            else:
                messages.success(request, "答案已保存。")
        except Refused as exc:
            messages.error(request, exc.message)
        return redirect("education:sitting", pk=pk)
    paper = sitting_out(sitting)
    for n, q in enumerate(paper["questions"], 1):
        q["n"] = n
        q["multi"] = q["qtype"] == "multiple"
    context = {"sitting": sitting, "exam": sitting.enrolment.exam, "paper": paper}
    return render(request, "education/sitting.html", context)


@login_required
def exam_results_xlsx(request, pk: int):
    from openpyxl import Workbook

    exam = get_object_or_404(Exam, pk=pk)
    if not allowed(request.user, EDUCATION_MANAGE, unit=exam.org_unit):
        raise PermissionDenied("您没有查看考试成绩的权限。")
    wb = Workbook()
    ws = wb.active
    ws.title = "成绩"
    ws.append(["单位", "姓名", "账号", "次数", "交卷时间", "成绩", "是否合格"])
    for s in selectors.results(exam):
        user = s.enrolment.user
        ws.append(
            [
                s.enrolment.org_unit.name,
                user.full_name or user.username,
                user.username,
                s.attempt,
                s.submitted_at.strftime("%Y-%m-%d %H:%M") if s.submitted_at else "未交卷",
                float(s.score) if s.score is not None else None,
                "合格" if s.passed else "不合格" if s.passed is False else "",
            ]
        )
    stats = selectors.participation(exam)
    summary = wb.create_sheet("参考率与合格率")
    summary.append(["单位", "应考人数", "参考人数", "合格人数", "参考率%", "合格率%"])
    for row in [*stats["units"], {"unit": "合计", **stats["overall"]}]:
        summary.append(
            [
                row["unit"],
                row["enrolled"],
                row["sat"],
                row["passed"],
                row["participation"],
                row["pass_rate"],
            ]
        )
    return _xlsx(wb, f"{exam.title}成绩.xlsx")


@login_required
def duty_list_xlsx(request, year: int):
    """The year's 普法责任清单 as a spreadsheet."""
    from openpyxl import Workbook

    from fazhi.education.models import DutyItem

    require(request.user, EDUCATION_SIT)
    wb = Workbook()
    ws = wb.active
    ws.title = f"{year}年普法责任清单"
    ws.append(
        [
            "序号",
            "类别",
            "普法内容",
            "普法对象",
            "牵头单位",
            "责任人",
            "措施",
            "完成时限",
            "完成情况",
        ]
    )
    items = DutyItem.objects.filter(year=year).select_related("lead_unit")
    for n, i in enumerate(items, 1):
        ws.append(
            [
                n,
                i.get_kind_display(),
                i.content,
                i.audience,
                i.lead_unit.name,
                i.lead_person,
                i.measures,
                i.deadline.isoformat() if i.deadline else "",
                f"已完成（{i.done_on:%Y-%m-%d}）" if i.done_on else "未完成",
            ]
        )
    return _xlsx(wb, f"{year}年普法责任清单.xlsx")


# --- question bank and exam set-up (法规处) -------------------------------------------------------


def _articles_from(request) -> tuple[list, list[str]]:
    """The articles named on a question form: a law (work key or title) and article numbers
    ("3, 5" or 第三条), the version in force today. Returns (articles, what was not found)."""
    from django.utils import timezone

    from fazhi.laws.selectors import article_in_force

    law = request.POST.get("law", "").strip()
    numbers = request.POST.get("numbers", "").replace("，", ",").replace("、", ",").split(",")
    found, missing = [], []
    for raw in (n.strip() for n in numbers):
        if not raw or not law:
            continue
        try:
            article = article_in_force(work_key=law, article_number=raw, on=timezone.localdate())
        except ValueError:
            article = None
        if article is None:
            missing.append(f"{law}第{raw}条" if raw.isdigit() else f"{law}{raw}")
        else:
            found.append(article)
    return found, missing


def _question_fields(request) -> dict:
    options = [o for o in request.POST.get("options", "").splitlines() if o.strip()]
    return {
        "qtype": request.POST.get("qtype", ""),
        "stem": request.POST.get("stem", ""),
        "options": options,
        "answer": request.POST.get("answer", ""),
    }


@login_required
def questions(request):
    from fazhi.education.domain.exam import QTYPE_NAMES
    from fazhi.education.models import Question, QuestionStatus

    require(request.user, EDUCATION_MANAGE)
    if request.method == "POST":
        articles, missing = _articles_from(request)
        try:
            if missing:
                raise Refused(f"未找到现行条文：{'、'.join(missing)}")
            services.question_add(
                **_question_fields(request), articles=articles, actor=request.user
            )
            messages.success(request, "试题已加入题库。")
            return redirect("education:questions")
        except Refused as exc:
            messages.error(request, exc.message)
    status = request.GET.get("status", "")
    bank = Question.objects.prefetch_related("articles__document").order_by("-pk")
    if status in QuestionStatus.values:
        bank = bank.filter(status=status)
    counts = {s: Question.objects.filter(status=s).count() for s in QuestionStatus.values}
    context = {
        "bank": bank[:200],
        "status": status,
        "statuses": [(v, label, counts[v]) for v, label in QuestionStatus.choices],
        "qtypes": [(k.value, v) for k, v in QTYPE_NAMES.items()],
        "form": request.POST if request.method == "POST" else {},
        "year": timezone_year(),
    }
    return render(request, "education/questions.html", context)


def timezone_year() -> int:
    from django.utils import timezone

    return timezone.localdate().year


@login_required
@require_POST
def questions_draft(request):
    require(request.user, EDUCATION_MANAGE)
    try:
        year = int(request.POST.get("year", ""))
        made = services.questions_draft_from_cases(year=year, actor=request.user)
    except ValueError:
        messages.error(request, "请填写年度。")
    except Refused as exc:
        messages.error(request, exc.message)
    else:
        if made:
            messages.success(
                request,
                f"已从{year}年本局被纠错案件生成 {made} 道草稿题，请逐题修改、关联条文后启用。",
            )
        else:
            messages.info(request, f"{year}年没有尚未出题的、记录了纠错原因的案件。")
    return redirect(f"{reverse('education:questions')}?status=draft")


@login_required
def question_page(request, pk: int):
    from fazhi.education.domain.exam import QTYPE_NAMES
    from fazhi.education.models import Question

    question = get_object_or_404(Question.objects.prefetch_related("articles__document"), pk=pk)
    require(request.user, EDUCATION_MANAGE)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "approve":
                services.question_approve(question=question, actor=request.user)
                messages.success(request, "试题已审核启用。")
                return redirect("education:questions")
            articles, missing = _articles_from(request)
            if missing:
                raise Refused(f"未找到现行条文：{'、'.join(missing)}")
            if not articles and not request.POST.get("law"):
                articles = list(question.articles.all())  # unchanged
            services.question_edit(
                question=question,
                **_question_fields(request),
                articles=articles,
                actor=request.user,
            )
            messages.success(request, "已保存。")
            return redirect("education:question", pk=pk)
        except Refused as exc:
            messages.error(request, exc.message)
    first = question.articles.first()
    context = {
        "q": question,
        "qtypes": [(k.value, v) for k, v in QTYPE_NAMES.items()],
        "options_text": "\n".join(question.options),
        "law": first.document.work.key.partition(":")[2] if first else "",
        "numbers": ", ".join(str(a.number) for a in question.articles.all()),
    }
    return render(request, "education/question.html", context)


@login_required
def exam_new(request):
    from datetime import datetime

    from django.utils import timezone

    from fazhi.accounts.models import OrgUnit
    from fazhi.education.domain.exam import QTYPE_NAMES

    require(request.user, EDUCATION_MANAGE)
    bureau = OrgUnit.objects.filter(parent=None).order_by("path").first()
    if request.method == "POST":
        post = request.POST
        try:
            tz = timezone.get_current_timezone()
            try:
                opens = datetime.fromisoformat(post.get("opens_at", "")).replace(tzinfo=tz)
                closes = datetime.fromisoformat(post.get("closes_at", "")).replace(tzinfo=tz)
            except ValueError:
                raise Refused("请填写开考时间和截止时间") from None
            paper_rules = []
            for qtype, _name in QTYPE_NAMES.items():
                count = int(post.get(f"count_{qtype.value}") or 0)
                if count:
                    works = [w.strip() for w in post.get(f"works_{qtype.value}", "").split(",")]
                    paper_rules.append(
                        {
                            "qtype": qtype.value,
                            "count": count,
                            "points": float(post.get(f"points_{qtype.value}") or 1),
                            "works": [w for w in works if w],
                        }
                    )
            exam = services.exam_create(
                title=post.get("title", ""),
                year=int(post.get("year") or opens.year),
                org_unit=bureau,
                opens_at=opens,
                closes_at=closes,
                paper_rules=paper_rules,
                minutes=int(post.get("minutes") or 0) or None,
                pass_mark=post.get("pass_mark") or None,
                attempts=int(post.get("attempts") or 0) or None,
                actor=request.user,
            )
        except (Refused, ValueError) as exc:
            messages.error(
                request, exc.message if isinstance(exc, Refused) else "请检查填写的数字。"
            )
        else:
            messages.success(request, "考试已创建，请选择应考人员。")
            return redirect("education:exam", pk=exam.pk)
    context = {
        "qtypes": [(k.value, v) for k, v in QTYPE_NAMES.items()],
        "form": request.POST if request.method == "POST" else {},
        "year": timezone.localdate().year,
    }
    return render(request, "education/exam_new.html", context)


@login_required
@require_POST
def exam_enrol(request, pk: int):
    from fazhi.accounts.models import OrgUnit

    exam = get_object_or_404(Exam, pk=pk)
    units = list(OrgUnit.objects.filter(pk__in=request.POST.getlist("units")))
    try:
        added = services.exam_enrol(
            exam=exam, units=units, role_codes=request.POST.getlist("roles"), actor=request.user
        )
    except Refused as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已加入 {added} 名应考人员。")
    return redirect("education:exam", pk=pk)


# --- 普法: the year's plan, activities, competitions and 学法 records ------------------------------


def _date(value: str, label: str):
    from datetime import date

    try:
        return date.fromisoformat((value or "").strip())
    except ValueError:
        raise Refused(f"请填写{label}（年-月-日）") from None


@login_required
@require_GET  # it shows the year's page; the year's own URL takes its forms
def pufa_index(request):
    """The menu's 普法 entry: the page of the latest year with a 清单 item or an activity (else
    this year's), as 执法统计 opens on the latest year with records."""
    from fazhi.education.models import Activity, DutyItem

    require(request.user, pufa_rule(request.user))
    years = [
        m.objects.order_by("-year").values_list("year", flat=True).first()
        for m in (DutyItem, Activity)
    ]
    return pufa_year(request, max((y for y in years if y), default=timezone_year()))


@login_required
def pufa_year(request, year: int):
    from django.utils import timezone

    from fazhi.accounts.models import User
    from fazhi.accounts.selectors import units_allowed, visible_unit_ids
    from fazhi.education.domain.pufa import ACTIVITY_NAMES, STUDY_NAMES
    from fazhi.education.models import DutyItem

    rule = pufa_rule(request.user)
    require(request.user, rule)
    manages = rule is EDUCATION_MANAGE
    if request.method == "POST":
        post, action = request.POST, request.POST.get("action")
        try:
            if action == "duty_done":
                item = get_object_or_404(DutyItem, pk=post.get("item") or 0, year=year)
                services.duty_item_complete(
                    item=item, done_on=_date(post.get("done_on"), "完成日期"), actor=request.user
                )
                messages.success(request, "清单事项已标记完成。")
            elif action == "plan":
                services.pufa_plan_issue(
                    year=year,
                    title=post.get("title", ""),
                    doc_number=post.get("doc_number", ""),
                    issued_on=_date(post.get("issued_on"), "印发日期"),
                    content=post.get("content", ""),
                    actor=request.user,
                )
                messages.success(request, "普法计划已登记。")
            elif action == "activity":
                unit = get_object_or_404(
                    units_allowed(request.user, rule), pk=post.get("org_unit") or 0
                )
                ends = post.get("ends_on", "").strip()
                activity = services.activity_record(
                    kind=post.get("kind", ""),
                    title=post.get("title", ""),
                    org_unit=unit,
                    starts_on=_date(post.get("starts_on"), "开始日期"),
                    ends_on=_date(ends, "结束日期") if ends else None,
                    doc_number=post.get("doc_number", ""),
                    place=post.get("place", ""),
                    summary=post.get("summary", ""),
                    audience_count=int(post.get("audience_count") or 0),
                    audience=post.get("audience", ""),
                    participants=User.objects.filter(
                        username__in=post.get("participants", "").replace("，", ",").split(",")
                    ),
                    actor=request.user,
                )
                messages.success(request, "活动已登记，可上传材料和照片。")
                return redirect("education:activity", pk=activity.pk)
            elif action == "study":
                person = User.objects.filter(username=post.get("username", "").strip()).first()
                if person is None:
                    raise Refused("未找到该账号")
                services.study_record_add(
                    user=person,
                    studied_on=_date(post.get("studied_on"), "学习日期"),
                    kind=post.get("kind", ""),
                    course=post.get("course", ""),
                    hours=post.get("hours", ""),
                    actor=request.user,
                )
                messages.success(request, "学法记录已登记。")
        except Refused as exc:
            messages.error(request, exc.message)
        except ValueError:
            messages.error(request, "请检查填写的数字。")
        return redirect("education:pufa", year=year)
    context = {
        "year": year,
        "manages": manages,
        **selectors.pufa_year(year, None if manages else visible_unit_ids(request.user)),
        "kinds": [(k.value, v) for k, v in ACTIVITY_NAMES.items()],
        "study_kinds": [(k.value, v) for k, v in STUDY_NAMES.items()],
        "units": units_allowed(request.user, rule),
        "today": timezone.localdate(),
    }
    return render(request, "education/pufa.html", context)


@login_required
def activity_page(request, pk: int):
    from fazhi.education.models import Activity

    activity = get_object_or_404(Activity.objects.select_related("org_unit"), pk=pk)
    rule = pufa_rule(request.user)
    require(request.user, rule, unit=activity.org_unit)
    if request.method == "POST":
        post, action = request.POST, request.POST.get("action")
        try:
            if action == "attach":
                upload = request.FILES.get("file")
                if upload is None:
                    raise Refused("请选择文件")
                services.activity_attach(
                    activity=activity,
                    fileobj=upload,
                    original_name=upload.name,
                    kind=post.get("kind", ""),
                    caption=post.get("caption", ""),
                    actor=request.user,
                )
                messages.success(request, "已保存到证据库。")
            elif action == "team":
                services.team_add(
                    activity=activity,
                    name=post.get("name", ""),
                    members=post.get("members", ""),
                    actor=request.user,
                )
                messages.success(request, "代表队已登记。")
            elif action == "stage":
                results = []
                for line in post.get("results", "").splitlines():
                    parts = [p.strip() for p in line.replace("，", ",").split(",")]
                    if parts and parts[0]:
                        team = activity.teams.filter(name=parts[0]).first()
                        results.append(
                            {
                                "name": parts[0],
                                "team": team,
                                "award": parts[1] if len(parts) > 1 else "",
                                "advanced": len(parts) > 2 and parts[2] in ("晋级", "是"),
                            }
                        )
                held = post.get("held_on", "").strip()
                services.stage_record(
                    activity=activity,
                    name=post.get("name", ""),
                    level=post.get("level", ""),
                    held_on=_date(held, "比赛日期") if held else None,
                    results=results,
                    actor=request.user,
                )
                messages.success(request, "赛段成绩已登记。")
            elif action == "publish":
                services.activity_publish(
                    activity=activity, photos=post.getlist("photos"), actor=request.user
                )
                messages.success(request, "已在门户“普法”页面公开。")
            elif action == "withdraw":
                services.activity_withdraw(activity=activity, actor=request.user)
                messages.success(request, "已从门户撤下。")
        except Refused as exc:
            messages.error(request, exc.message)
        return redirect("education:activity", pk=pk)
    materials = list(activity.materials.select_related("evidence"))
    context = {
        "a": activity,
        "materials": materials,
        "has_photos": any(m.kind == "photo" for m in materials),
        "teams": activity.teams.all(),
        "stages": activity.stages.prefetch_related("results"),
        "people": activity.participants.order_by("username"),
        "manages": rule is EDUCATION_MANAGE,
    }
    return render(request, "education/activity.html", context)


@login_required
def material_download(request, pk: int, material_id: int):
    """One material or photo of an activity; the evidence store checks the file first (a file
    that fails is refused on a clear page) and logs the download in its custody record."""
    from django.http import FileResponse

    from fazhi.education.models import ActivityMaterial

    material = get_object_or_404(
        ActivityMaterial.objects.select_related("activity__org_unit", "evidence"),
        pk=material_id,
        activity_id=pk,
    )
    stream = services.material_open(material=material, actor=request.user)
    evidence = material.evidence
    return FileResponse(
        stream, content_type=evidence.mime_type, as_attachment=True, filename=evidence.original_name
    )


@login_required
def study_xlsx(request, year: int):
    """学法 records of the year, per record and per person, as a spreadsheet."""
    from openpyxl import Workbook

    from fazhi.education.models import StudyRecord

    require(request.user, EDUCATION_MANAGE)
    wb = Workbook()
    ws = wb.active
    ws.title = "学时汇总"
    ws.append(["单位", "姓名", "账号", "学习次数", "学时"])
    for row in selectors.pufa_year(year)["study"]:
        ws.append(
            [
                row["org_unit__name"],
                row["user__full_name"],
                row["user__username"],
                row["sessions"],
                float(row["hours"]),
            ]
        )
    detail = wb.create_sheet("学法记录")
    detail.append(["日期", "单位", "姓名", "形式", "课程或内容", "学时"])
    records = StudyRecord.objects.filter(year=year).select_related("user", "org_unit")
    for r in records.order_by("studied_on", "pk"):
        detail.append(
            [
                r.studied_on.isoformat(),
                r.org_unit.name,
                r.user.full_name or r.user.username,
                r.get_kind_display(),
                r.course,
                float(r.hours),
            ]
        )
    return _xlsx(wb, f"{year}年学法记录.xlsx")

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
from django.views.decorators.http import require_POST

from fazhi.accounts.permissions import EDUCATION_MANAGE, EDUCATION_SIT, allowed, require
from fazhi.core.domain.errors import Refused
from fazhi.education import selectors, services
from fazhi.education.api import sitting_out
from fazhi.education.models import Exam, Sitting


@login_required
def index(request):
    require(request.user, EDUCATION_SIT)
    mine = []
    for exam in selectors.my_exams(request.user):
        mine.append({"exam": exam, "sittings": list(selectors.my_sittings(request.user, exam))})
    managed = Exam.objects.all() if allowed(request.user, EDUCATION_MANAGE) else []
    return render(request, "education/index.html", {"mine": mine, "managed": managed})


@login_required
def exam_detail(request, pk: int):
    exam = get_object_or_404(Exam, pk=pk)
    require(request.user, EDUCATION_MANAGE, unit=exam.org_unit)
    context = {"exam": exam, "stats": selectors.participation(exam)}
    return render(request, "education/exam.html", context)


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
    out = BytesIO()
    wb.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = quote(f"{exam.title}成绩.xlsx")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response


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
    out = BytesIO()
    wb.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = quote(f"{year}年普法责任清单.xlsx")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}"
    return response

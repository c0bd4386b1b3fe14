"""Admin for the holiday overrides, calendar years and deadlines.

Adding or changing holiday data here goes through the services, so it is audited like any other
change; deadlines are read-only (they are opened and closed by the modules that own them).
"""

from django import forms
from django.contrib import admin, messages

from fazhi.core.admin.read_only import ReadOnlyAdmin
from fazhi.core.models import CalendarYear, Deadline, HolidayOverride
from fazhi.core.services.calendar import (
    calendar_year_declare,
    calendar_year_declare_problem,
    holiday_override_delete,
    holiday_override_set,
)
from fazhi.core.services.deadlines import deadlines_recompute

RECOMPUTE_HINT = (
    "暂定期限已重新计算；其他进行中期限的届满日不会自动改变，"
    "请运行“重新计算届满日”操作或 fazhi recompute_deadlines。"
)


def _report_moved(request, moved) -> None:
    if moved:
        lines = "；".join(m.line() for m in moved[:20])
        more = f"等{len(moved)}个" if len(moved) > 20 else ""
        messages.warning(request, f"暂定期限重新计算，发生变化的有：{lines}{more}")


@admin.register(HolidayOverride)
class HolidayOverrideAdmin(admin.ModelAdmin):
    list_display = ("day", "is_off_day", "name", "source", "updated_at")
    list_filter = ("is_off_day",)
    search_fields = ("name", "source")
    date_hierarchy = "day"
    fields = ("day", "is_off_day", "name", "source")
    actions = ["recompute_deadlines"]

    def get_readonly_fields(self, request, obj=None):
        return ("day",) if obj else ()  # a different day is a different entry

    def save_model(self, request, obj, form, change):
        saved = holiday_override_set(
            day=obj.day,
            is_off_day=obj.is_off_day,
            name=obj.name,
            source=obj.source,
            actor=request.user,
        )
        obj.pk = saved.pk
        messages.info(request, RECOMPUTE_HINT)
        _report_moved(request, saved.moved_deadlines)

    def delete_model(self, request, obj):
        holiday_override_delete(override=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            holiday_override_delete(override=obj, actor=request.user)

    @admin.action(description="按当前放假安排重新计算进行中期限的届满日")
    def recompute_deadlines(self, request, queryset):
        changed = deadlines_recompute(actor=request.user)
        messages.success(request, f"重新计算完成：{changed}个期限的届满日发生变化。")


class CalendarYearForm(forms.ModelForm):
    class Meta:
        model = CalendarYear
        fields = ("year", "source", "note")

    def clean(self):
        data = super().clean()
        if data.get("year") is not None:
            problem = calendar_year_declare_problem(
                year=data["year"], source=data.get("source", "")
            )
            if problem:
                raise forms.ValidationError(problem)
        return data


@admin.register(CalendarYear)
class CalendarYearAdmin(admin.ModelAdmin):
    form = CalendarYearForm
    list_display = ("year", "source", "created_at")

    def has_change_permission(self, request, obj=None):
        return False  # a declared year stays declared: deadlines were counted on it

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = calendar_year_declare(
            year=obj.year, source=obj.source, note=obj.note, actor=request.user
        )
        obj.pk = saved.pk
        _report_moved(request, saved.moved_deadlines)


@admin.register(Deadline)
class DeadlineAdmin(ReadOnlyAdmin):
    list_display = (
        "subject_label",
        "rule_code",
        "start",
        "due",
        "provisional",
        "status",
        "owner",
        "org_unit",
    )
    list_filter = ("status", "provisional", "rule_code", "extended")
    search_fields = ("subject_label", "subject_id", "rule_code")
    date_hierarchy = "due"
    list_select_related = ("owner", "org_unit")

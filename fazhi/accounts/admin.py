"""Admin for super-users and data fixes. Tree changes and revocations go through the services."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from fazhi.accounts import selectors, services
from fazhi.accounts.forms import AdminLoginForm
from fazhi.accounts.models import ApiToken, LoginAttempt, OrgUnit, User
from fazhi.core.admin.read_only import ReadOnlyAdmin

# The admin login gets the same lock-out as the staff login.
admin.site.login_form = AdminLoginForm


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ["tree_name", "code", "kind", "is_active", "path"]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "code", "short_name"]
    readonly_fields = ["path"]
    ordering = ["path"]

    @admin.display(description=_("名称"), ordering="path")
    def tree_name(self, obj: OrgUnit):
        indent = selectors.org_unit_depth(obj) * 2
        return format_html('<span style="padding-left:{}em">{}</span>', indent, obj.name)

    def get_readonly_fields(self, request, obj=None):
        # The code names the unit in other systems; fixed once created.
        return [*self.readonly_fields, "code"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            created = services.org_unit_create(
                code=obj.code,
                name=obj.name,
                kind=obj.kind,
                parent=obj.parent,
                short_name=obj.short_name,
                sort_order=obj.sort_order,
                actor=request.user,
            )
            obj.pk, obj.path = created.pk, created.path
            return
        if "parent" in form.changed_data:
            try:
                moved = services.org_unit_move(unit=obj, new_parent=obj.parent, actor=request.user)
            except services.AccountsError as exc:
                messages.error(request, str(exc))
                return
            obj.path = moved.path
        obj.save(update_fields=["name", "short_name", "kind", "sort_order", "is_active"])


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "full_name", "org_unit", "role_names", "is_active", "is_demo"]
    list_filter = ["is_active", "is_demo", "groups", "org_unit__kind"]
    search_fields = ["username", "full_name", "org_unit__name"]
    list_select_related = ["org_unit"]
    autocomplete_fields = ["org_unit"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("机构与角色"), {"fields": ("full_name", "org_unit", "is_demo")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("机构与角色"), {"fields": ("full_name", "org_unit", "groups")}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("角色"))
    def role_names(self, obj: User) -> str:
        return "、".join(g.name for g in obj.groups.all())


@admin.register(LoginAttempt)
class LoginAttemptAdmin(ReadOnlyAdmin):
    list_display = ["at", "username", "succeeded", "ip"]
    list_filter = ["succeeded"]
    search_fields = ["username", "ip"]
    date_hierarchy = "at"


@admin.register(ApiToken)
class ApiTokenAdmin(ReadOnlyAdmin):
    list_display = [
        "prefix",
        "user",
        "name",
        "created_at",
        "last_used_at",
        "expires_at",
        "revoked_at",
    ]
    list_filter = ["revoked_at"]
    search_fields = ["prefix", "name", "user__username"]
    list_select_related = ["user"]
    exclude = ["key_hash"]
    actions = ["revoke"]

    @admin.action(description=_("吊销所选令牌"))
    def revoke(self, request, queryset):
        done = 0
        for token in queryset.filter(revoked_at__isnull=True):
            services.api_token_revoke(token=token, actor=request.user)
            done += 1
        self.message_user(request, f"已吊销 {done} 个令牌", messages.SUCCESS)

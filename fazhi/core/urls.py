from django.urls import path

from fazhi.core.views.home import deadline_rules, staff_home

app_name = "core"

urlpatterns = [
    path("", staff_home, name="staff_home"),
    path("deadlines/rules/", deadline_rules, name="deadline_rules"),
]

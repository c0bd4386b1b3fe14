from django.urls import path

from fazhi.core.views.home import staff_home

app_name = "core"

urlpatterns = [
    path("", staff_home, name="staff_home"),
]

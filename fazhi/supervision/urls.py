from django.urls import path

from fazhi.supervision import views

app_name = "supervision"

urlpatterns = [
    path("", views.warning_list, name="warnings"),
    path("scan/", views.warning_scan, name="scan"),
]

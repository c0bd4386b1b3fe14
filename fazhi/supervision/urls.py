from django.urls import path

from fazhi.supervision import views

app_name = "supervision"

urlpatterns = [
    path("", views.warning_list, name="warnings"),
    path("scan/", views.warning_scan, name="scan"),
    path("statistics/", views.yearbook, name="yearbook"),
    path("statistics/<int:year>/publish/", views.yearbook_publish, name="yearbook_publish"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("dashboard/cases/", views.dashboard_cases, name="dashboard_cases"),
    path("dashboard/disputes/", views.dashboard_disputes, name="dashboard_disputes"),
    path("reviews/", views.campaign_list, name="campaigns"),
    path("reviews/new/", views.campaign_create, name="campaign_create"),
    path("reviews/<int:pk>/", views.campaign_detail, name="campaign"),
    path("reviews/<int:pk>/report.docx", views.campaign_report, name="campaign_report"),
    path("reviews/<int:pk>/<str:action>/", views.campaign_action, name="campaign_action"),
    path("reviews/files/<int:pk>/", views.file_detail, name="file"),
    path("reviews/files/<int:pk>/<str:action>/", views.file_action, name="file_action"),
]

from django.urls import path

from fazhi.enforcement import views, views_export
from fazhi.enforcement.urls_rules import urlpatterns as rules_urlpatterns

app_name = "enforcement"

urlpatterns = [
    path("", views.case_list, name="case_list"),
    path("cases.xlsx", views_export.case_list_xlsx, name="case_list_xlsx"),
    path("cases/new/", views.case_create, name="case_create"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/file/", views.case_file, name="case_file"),
    path(
        "cases/<int:pk>/evidence/<int:evidence_id>/",
        views.evidence_download,
        name="evidence_download",
    ),
    path("cases/<int:pk>/archive.zip", views.case_archive_zip, name="case_archive_zip"),
    path("cases/<int:pk>/documents/<str:kind>.docx", views.case_document, name="case_document"),
    path("cases/<int:pk>/acts/<int:seq>.docx", views.act_document, name="act_document"),
    path("cases/<int:pk>/steps/<str:action>/", views.case_action, name="case_action"),
    path("reviews/", views.review_queue, name="review_queue"),
    path("stats/", views.case_stats, name="stats"),
    path("stats.xlsx", views_export.stats_xlsx, name="stats_xlsx"),
    # 裁量基准 and 社保欠费 (the rules helper's pages, same namespace)
    *rules_urlpatterns,
]

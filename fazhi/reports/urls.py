from django.urls import path

from fazhi.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.report_create, name="create"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/figures/<str:key>/", views.figure_records, name="figure"),
    path("<int:pk>/sections/<str:key>/edit/", views.section_edit, name="section_edit"),
    path("<int:pk>/sections/<str:key>/comment/", views.section_comment, name="section_comment"),
    path("<int:pk>/download.<str:fmt>", views.report_download, name="download"),
    path("<int:pk>/<str:action>/", views.report_action, name="action"),
]

from django.urls import path

from fazhi.education import views

app_name = "education"

urlpatterns = [
    path("", views.index, name="index"),
    path("questions/", views.questions, name="questions"),
    path("questions/draft/", views.questions_draft, name="questions_draft"),
    path("questions/<int:pk>/", views.question_page, name="question"),
    path("exams/new/", views.exam_new, name="exam_new"),
    path("exams/<int:pk>/", views.exam_detail, name="exam"),
    path("exams/<int:pk>/enrol/", views.exam_enrol, name="enrol"),
    path("exams/<int:pk>/start/", views.exam_start, name="start"),
    path("exams/<int:pk>/results.xlsx", views.exam_results_xlsx, name="results_xlsx"),
    path("sittings/<int:pk>/", views.sitting_page, name="sitting"),
    path("duties/<int:year>.xlsx", views.duty_list_xlsx, name="duties_xlsx"),
    path("pufa/", views.pufa_index, name="pufa_index"),
    path("pufa/<int:year>/", views.pufa_year, name="pufa"),
    path("pufa/<int:year>/study.xlsx", views.study_xlsx, name="study_xlsx"),
    path("activities/<int:pk>/", views.activity_page, name="activity"),
    path(
        "activities/<int:pk>/materials/<int:material_id>/",
        views.material_download,
        name="material",
    ),
]

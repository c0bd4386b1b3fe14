from django.urls import path

from fazhi.education import views

app_name = "education"

urlpatterns = [
    path("", views.index, name="index"),
    path("exams/<int:pk>/", views.exam_detail, name="exam"),
    path("exams/<int:pk>/start/", views.exam_start, name="start"),
    path("exams/<int:pk>/results.xlsx", views.exam_results_xlsx, name="results_xlsx"),
    path("sittings/<int:pk>/", views.sitting_page, name="sitting"),
    path("duties/<int:year>.xlsx", views.duty_list_xlsx, name="duties_xlsx"),
]

from django.urls import path

from fazhi.inspections import views

app_name = "inspections"

urlpatterns = [
    path("", views.index, name="index"),
    path("directory/", views.directory, name="directory"),
    path("coverage/", views.coverage, name="coverage"),
    path("relations/", views.relations, name="relations"),
    path("items/new/", views.item_create, name="item_create"),
    path("items/<int:pk>/publish/", views.item_publish, name="item_publish"),
    path("plans/new/", views.plan_create, name="plan_create"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/commit/", views.plan_commit, name="plan_commit"),
    path("draws/<int:pk>/", views.draw_detail, name="draw_detail"),
    path("draws/<int:pk>/<str:action>/", views.draw_action, name="draw_action"),
    path("results.xlsx", views.results_xlsx, name="results_xlsx"),
    path("checks/<int:pk>/result/", views.check_result, name="check_result"),
    path("results/<int:pk>/publish/", views.result_publish, name="result_publish"),
]

from django.urls import path

from fazhi.planning import views

app_name = "planning"

urlpatterns = [
    path("", views.index, name="index"),
    path("plans/new/", views.plan_new, name="plan_new"),
    path("plans/<int:pk>/", views.plan_detail, name="plan_detail"),
    path("tasks/<int:pk>/<str:action>/", views.task_action, name="task_action"),
    path("duties/new/", views.duty_new, name="duty_new"),
    path("statements/new/", views.statement_new, name="statement_new"),
    path("statements/<int:pk>/", views.statement_detail, name="statement_detail"),
    path("statements/<int:pk>/<str:action>/", views.statement_action, name="statement_action"),
    path("schemes/new/", views.scheme_new, name="scheme_new"),
    path("schemes/<int:pk>/", views.scheme_detail, name="scheme_detail"),
    path("schemes/<int:pk>/score/", views.score, name="score"),
]

from django.urls import path

from fazhi.disputes import views

app_name = "disputes"

urlpatterns = [
    path("", views.register, name="register"),
    path("register.xlsx", views.register_xlsx, name="register_xlsx"),
    path("rates/", views.rates, name="rates"),
    path("rates.xlsx", views.rates_xlsx, name="rates_xlsx"),
    path("reconsiderations/new/", views.reconsideration_create, name="reconsideration_create"),
    path("reconsiderations/<int:pk>/", views.reconsideration_detail, name="reconsideration_detail"),
    path(
        "reconsiderations/<int:pk>/decision.docx",
        views.reconsideration_docx,
        name="reconsideration_docx",
    ),
    path(
        "reconsiderations/<int:pk>/<str:action>/",
        views.reconsideration_action,
        name="reconsideration_action",
    ),
    path("litigations/new/", views.litigation_create, name="litigation_create"),
    path("litigations/<int:pk>/", views.litigation_detail, name="litigation_detail"),
    path("litigations/<int:pk>/<str:action>/", views.litigation_action, name="litigation_action"),
]

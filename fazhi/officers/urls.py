from django.urls import path

from fazhi.officers import views

app_name = "officers"

urlpatterns = [
    path("", views.register, name="register"),
    path("register.xlsx", views.register_xlsx, name="register_xlsx"),
    path("new/", views.officer_create, name="officer_create"),
    path("import/", views.officer_import, name="officer_import"),
    path("import/template.xlsx", views.officer_import_template, name="officer_import_template"),
    path("<int:pk>/", views.officer_detail, name="officer_detail"),
    path("<int:pk>/<str:action>/", views.officer_action, name="officer_action"),
]

from django.urls import path

from fazhi.legislation import views

app_name = "legislation"

urlpatterns = [
    path("", views.register, name="register"),
    path("projects/new/", views.project_new, name="project_new"),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("drafts/new/", views.draft_new, name="draft_new"),
    path("drafts/<int:pk>/", views.draft_detail, name="draft_detail"),
]

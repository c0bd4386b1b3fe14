from django.urls import path

from fazhi.education import public_views

app_name = "education_public"

urlpatterns = [
    path("", public_views.public_index, name="index"),
    path("photos/<int:pk>/", public_views.public_photo, name="photo"),
]

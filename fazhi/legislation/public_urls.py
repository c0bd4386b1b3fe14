from django.urls import path

from fazhi.legislation import public_views

app_name = "legislation_public"

urlpatterns = [
    path("", public_views.public_index, name="index"),
    path("<int:pk>/", public_views.public_detail, name="detail"),
    path("<int:pk>/comment/", public_views.public_comment, name="comment"),
]

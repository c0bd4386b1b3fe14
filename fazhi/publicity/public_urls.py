"""Public pages of 执法公示, mounted under /publicity/."""

from django.urls import path

from fazhi.publicity import public_views

app_name = "publicity_public"

urlpatterns = [
    path("", public_views.record_list, name="list"),
    path("<int:pk>/", public_views.record_detail, name="detail"),
]

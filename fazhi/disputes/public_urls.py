"""Public pages of disputes (online application, tracking), mounted under /disputes/."""

from django.urls import path

from fazhi.disputes import public_views

app_name = "disputes_public"

urlpatterns = [
    path("apply/", public_views.apply, name="apply"),
    path("track/", public_views.track, name="track"),
]

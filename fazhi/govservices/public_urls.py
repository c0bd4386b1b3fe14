"""Public pages of services, mounted under /services/."""

from django.urls import path

from fazhi.govservices import public_views

app_name = "services_public"

urlpatterns = [
    path("", public_views.guide_list, name="guide_list"),
    path("items/<str:code>/", public_views.guide_detail, name="guide_detail"),
    path("track/", public_views.track, name="track"),
]

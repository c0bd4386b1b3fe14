"""Public pages: the list of certified officers (执法公示) and the certificate check."""

from django.urls import path

from fazhi.officers import public_views

app_name = "officers_public"

urlpatterns = [
    path("", public_views.register, name="register"),
    path("check/", public_views.check, name="check"),
]

"""Public pages of disputes (online application, tracking), mounted under /disputes/."""

from django.urls import path  # noqa: F401

app_name = "disputes_public"

urlpatterns: list = []

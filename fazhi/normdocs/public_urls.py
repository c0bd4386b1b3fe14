"""Public pages of normdocs (drafts open for comment), mounted under /normdocs/ on the portal."""

from django.urls import path  # noqa: F401

app_name = "normdocs_public"

urlpatterns: list = []

from django.urls import path  # noqa: F401

app_name = "officers_public"

urlpatterns: list = []

"""Public pages of the power list, mounted under /powers/."""

from django.urls import path

from fazhi.powers import public_views

app_name = "powers_public"

urlpatterns = [
    path("", public_views.item_list, name="item_list"),
    path("<str:code>/", public_views.item_detail, name="item_detail"),
    path("<str:code>/diff/", public_views.item_diff, name="item_diff"),
]

from django.urls import path

from fazhi.reports import public_views

app_name = "reports_public"

urlpatterns = [
    path("", public_views.public_list, name="list"),
    path("<int:year>/", public_views.public_detail, name="detail"),
]

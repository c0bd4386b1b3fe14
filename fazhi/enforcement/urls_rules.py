"""Staff URLs for 裁量基准 and 社保欠费 (no app_name: the lead includes them in the "enforcement"
namespace under /staff/enforcement/). The public benchmark page ``discretion_public`` is listed
in ``public_urlpatterns`` for the portal side."""

from django.urls import path

from fazhi.enforcement import views_rules as views

urlpatterns = [
    path("discretion/", views.discretion_list, name="discretion_list"),
    path("discretion/calculator/", views.discretion_calculator, name="discretion_calculator"),
    path("discretion/<int:pk>/", views.discretion_detail, name="discretion_detail"),
    path("discretion/<int:pk>/publish/", views.discretion_publish, name="discretion_publish"),
    path("arrears/", views.arrears_list, name="arrears_list"),
    path("arrears/new/", views.arrears_create, name="arrears_create"),
    path("arrears/<int:pk>/", views.arrears_detail, name="arrears_detail"),
    path("arrears/<int:pk>/steps/<str:kind>/", views.arrears_step, name="arrears_step"),
]

public_urlpatterns = [
    path("discretion/", views.discretion_public, name="discretion_public"),
]

from django.urls import path

from fazhi.govservices import bundle_views, views

app_name = "services"

urlpatterns = [
    path("", views.catalogue_index, name="catalogue_index"),
    path("catalogues/new/", views.catalogue_create, name="catalogue_create"),
    path("catalogues/<int:year>/", views.catalogue_detail, name="catalogue_detail"),
    path("catalogues/<int:year>/items/new/", views.catalogue_item_add, name="catalogue_item_add"),
    path("catalogues/<int:year>/publish/", views.catalogue_publish, name="catalogue_publish"),
    path("items/<int:pk>/", views.item_detail, name="item_detail"),
    path("compare/", views.compare, name="compare"),
    path("applications/", views.register, name="register"),
    path("applications/new/", views.application_create, name="application_create"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path(
        "bundles/new/",
        bundle_views.bundle_application_create,
        name="bundle_application_create",
    ),
    path(
        "bundles/<int:pk>/",
        bundle_views.bundle_application_detail,
        name="bundle_application_detail",
    ),
    path(
        "applications/<int:pk>/<str:action>/",
        views.application_action,
        name="application_action",
    ),
]

"""Staff pages of the power list, mounted under /staff/powers/."""

from django.urls import path

from fazhi.powers import views

app_name = "powers"

urlpatterns = [
    path("", views.item_list, name="item_list"),
    path("new/", views.item_create, name="item_create"),
    path("<int:pk>/", views.item_detail, name="item_detail"),
    path("<int:pk>/revise/", views.item_revise, name="item_revise"),
    path("<int:pk>/deactivate/", views.item_deactivate, name="item_deactivate"),
    path("<int:pk>/clear-review/", views.item_clear_review, name="item_clear_review"),
]

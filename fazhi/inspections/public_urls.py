from django.urls import path

from fazhi.inspections import public_views

app_name = "inspections_public"

urlpatterns = [
    path("", public_views.item_list, name="item_list"),
    path("draws/", public_views.draw_list, name="draw_list"),
    path("draws/<int:pk>/", public_views.draw_detail, name="draw_detail"),
    path("draws/<int:pk>/list.txt.gz", public_views.draw_list_file, name="draw_list_file"),
    path("draws/<int:pk>/result.txt", public_views.draw_result_file, name="draw_result_file"),
    path("results/", public_views.result_list, name="result_list"),
]

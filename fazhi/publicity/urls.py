from django.urls import path

from fazhi.publicity import views

app_name = "publicity"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("records.xlsx", views.register_xlsx, name="register_xlsx"),
    path("records/<int:pk>/", views.record_detail, name="detail"),
    path("records/<int:pk>/<str:action>/", views.record_action, name="action"),
]

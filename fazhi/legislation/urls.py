from django.urls import path

from fazhi.legislation import views

app_name = "legislation"

urlpatterns = [path("", views.register, name="register")]

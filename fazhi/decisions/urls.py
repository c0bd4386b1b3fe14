from django.urls import path

from fazhi.decisions import views

app_name = "decisions"

urlpatterns = [path("", views.register, name="register")]

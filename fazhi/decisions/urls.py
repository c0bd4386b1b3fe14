from django.urls import path

from fazhi.decisions import views

app_name = "decisions"

urlpatterns = [
    path("", views.register, name="register"),
    path("reviews/<int:pk>.docx", views.review_document, name="review_docx"),
    path("opinions/<int:pk>.docx", views.opinion_document, name="opinion_docx"),
    path("competition/<int:pk>.docx", views.competition_document, name="competition_docx"),
]

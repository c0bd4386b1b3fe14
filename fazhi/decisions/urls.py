from django.urls import path

from fazhi.decisions import participation_views, views

app_name = "decisions"

urlpatterns = [
    path("", views.register, name="register"),
    path("new/", views.decision_new, name="decision_new"),
    path("<int:pk>/", views.decision_detail, name="decision_detail"),
    path("<int:pk>/comments/", participation_views.comments, name="comments"),
    path("catalogues/", participation_views.catalogues, name="catalogues"),
    path("catalogues/<int:pk>/", participation_views.catalogue_detail, name="catalogue_detail"),
    path("opinions/<int:pk>/", views.opinion_detail, name="opinion_detail"),
    path("competition/<int:pk>/", views.competition_detail, name="competition_detail"),
    path("counsel/new/", views.counsel_new, name="counsel_new"),
    path("reviews/<int:pk>.docx", views.review_document, name="review_docx"),
    path("opinions/<int:pk>.docx", views.opinion_document, name="opinion_docx"),
    path("competition/<int:pk>.docx", views.competition_document, name="competition_docx"),
]

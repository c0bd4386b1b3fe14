"""Public pages of normdocs (drafts open for comment, cleanup results), mounted at /normdocs/."""

from django.urls import path

from fazhi.normdocs import public_views

app_name = "normdocs_public"

urlpatterns = [
    path("", public_views.draft_list, name="draft_list"),
    path("<int:pk>/", public_views.draft_detail, name="draft_detail"),
    path(
        "<int:pk>/articles/<int:article_pk>/comments/",
        public_views.comment_submit,
        name="comment_submit",
    ),
    path("cleanup/<int:pk>/", public_views.announcement, name="announcement"),
]

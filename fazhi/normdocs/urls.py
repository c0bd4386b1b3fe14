from django.urls import path

from fazhi.normdocs import views

app_name = "normdocs"

urlpatterns = [
    path("", views.ledger, name="ledger"),
    path("ledger.xlsx", views.ledger_xlsx, name="ledger_xlsx"),
    path("new/", views.document_create, name="document_create"),
    path("<int:pk>/", views.document_detail, name="document_detail"),
    path("<int:pk>/steps/<slug:action>/", views.document_action, name="document_action"),
    path("<int:pk>/comments/<int:comment_pk>/", views.comment_handle, name="comment_handle"),
    path("cleanup/", views.cleanup_list, name="cleanup_list"),
    path("cleanup/<int:pk>/", views.cleanup_detail, name="cleanup_detail"),
    path("cleanup/<int:pk>/assess/", views.cleanup_assess, name="cleanup_assess"),
    path("cleanup/<int:pk>/announce/", views.cleanup_announce, name="cleanup_announce"),
]

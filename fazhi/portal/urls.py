from django.urls import path

from fazhi.portal import policy_views, statistics_views, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    # 人社政策一点通
    path("policies/", policy_views.policy_search, name="policy_search"),
    path("policies/documents/<int:pk>/", policy_views.policy_document, name="policy_document"),
    path(
        "policies/documents/<int:pk>/word/",
        policy_views.policy_document_word,
        name="policy_document_word",
    ),
    path(
        "policies/documents/<int:pk>/pdf/",
        policy_views.policy_document_pdf,
        name="policy_document_pdf",
    ),
    path("policies/documents/<int:pk>/diff/", policy_views.policy_diff, name="policy_diff"),
    path("policies/articles/<int:pk>/", policy_views.policy_article, name="policy_article"),
    # 行政执法统计年报 (published by supervision)
    path("statistics/", statistics_views.statistics_list, name="statistics_list"),
    path("statistics/<int:year>/", statistics_views.statistics_year, name="statistics_year"),
    path(
        "statistics/<int:year>/<str:table>/",
        statistics_views.statistics_records,
        name="statistics_records",
    ),
]

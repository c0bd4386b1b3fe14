from django.urls import path

from fazhi.core.views import jobs as job_views
from fazhi.core.views.home import deadline_rules, staff_home
from fazhi.core.views.worklist import worklist

app_name = "core"

urlpatterns = [
    path("", staff_home, name="staff_home"),
    path("todo/", worklist, name="worklist"),
    path("deadlines/rules/", deadline_rules, name="deadline_rules"),
    path("jobs/", job_views.job_list, name="job_list"),
    path("jobs/shuanggongshi/", job_views.shuanggongshi_start, name="shuanggongshi_start"),
    path("jobs/laws-import/", job_views.laws_import_start, name="laws_import_start"),
    path("jobs/<int:pk>/", job_views.job_detail, name="job_detail"),
    path("jobs/<int:pk>/retry/", job_views.job_retry, name="job_retry"),
    path("jobs/<int:pk>/download/", job_views.job_download, name="job_download"),
]

"""The site's URLs plus a bare view (bench/bench_public.py)."""

from django.http import HttpResponse
from django.urls import path

from fazhi.urls import handler403, handler404, handler500  # noqa: F401
from fazhi.urls import urlpatterns as site


def bare(request):
    return HttpResponse("ok")


urlpatterns = [path("bench/bare/", bare), *site]

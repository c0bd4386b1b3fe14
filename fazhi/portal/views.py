"""Public portal: views and templates only; reads only published records through selectors."""

from django.shortcuts import render


def home(request):
    return render(request, "portal/home.html", {})

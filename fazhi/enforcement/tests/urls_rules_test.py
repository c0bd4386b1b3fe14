"""Test urlconf: the project's URLs with urls_rules merged into the "enforcement" namespace, the
way the lead wires them (staff pages at /staff/enforcement/). The public benchmark page is
mounted at /staff/enforcement/public/ here; in the project it goes on the portal side."""

from django.urls import include, path

from fazhi.enforcement import urls as case_urls
from fazhi.enforcement.urls_rules import public_urlpatterns
from fazhi.enforcement.urls_rules import urlpatterns as rules_urlpatterns
from fazhi.urls import urlpatterns as project_urlpatterns

urlpatterns = [
    path(
        "staff/enforcement/",
        include(
            (
                [
                    *rules_urlpatterns,
                    path("public/", include(public_urlpatterns)),
                    *case_urls.urlpatterns,
                ],
                "enforcement",
            ),
            namespace="enforcement",
        ),
    ),
    *project_urlpatterns,
]

# The API: api_rules.router on a test NinjaAPI with the project's problem handlers, unless the
# lead has already mounted it on fazhi.api (a router belongs to one API) — then the real one.
from ninja import NinjaAPI  # noqa: E402

from fazhi import api as project_api  # noqa: E402
from fazhi.core.api.problems import ProblemError  # noqa: E402
from fazhi.enforcement.api_rules import router  # noqa: E402

if getattr(router, "api", None) is None:
    test_api = NinjaAPI(urls_namespace="rules-test-api", docs_url=None)
    test_api.exception_handler(ProblemError)(project_api._problem)
    test_api.exception_handler(project_api.ValidationError)(project_api._validation)
    test_api.exception_handler(project_api.AuthenticationError)(project_api._unauthenticated)
    test_api.add_router("/enforcement", router)
    API_PREFIX = "/rules-api/enforcement"
    urlpatterns.insert(0, path("rules-api/", test_api.urls))
else:
    API_PREFIX = "/api/v1/enforcement"

from django.shortcuts import render

from fazhi.core.api.problems import ErrorCode, Problem, problem_response


def permission_denied(request, exception=None):
    """A refused staff page keeps the staff menu and says why (the view's reason, which names
    the roles that may open it); the public gets the plain page."""
    staff = request.path.startswith("/staff/") and request.user.is_authenticated
    reason = str(exception or "").strip()
    return render(
        request,
        "staff/403.html" if staff else "403.html",
        {"reason": reason if any("\u4e00" <= c <= "\u9fff" for c in reason) else ""},
        status=403,
    )


def not_found(request, exception=None):
    if request.path.startswith("/api/"):
        # an API address no route matches (e.g. a path converter refusing "abc" as an id) is
        # answered like every other API error: problem+json, as the schema documents
        return problem_response(
            request,
            Problem(code=ErrorCode.NOT_FOUND, title="未找到", detail="没有这个接口地址"),
            404,
        )
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)

"""The NinjaAPI at /api/v1: mounts each app's router; errors are RFC 7807 problem JSON."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from fazhi.core.api.problems import ErrorCode, Problem, ProblemError, problem_response

api = NinjaAPI(
    title="法治 Fazhi API",
    version="1.0.0",
    description="市人社局法治工作平台接口。错误以 RFC 7807 problem JSON 返回，`code` 字段稳定。",
    urls_namespace="api-v1",
    docs_url="/docs",
)


@api.exception_handler(ProblemError)
def _problem(request: HttpRequest, exc: ProblemError):
    return problem_response(request, exc.problem, exc.status)


@api.exception_handler(ValidationError)
def _validation(request: HttpRequest, exc: ValidationError):
    problem = Problem(
        code=ErrorCode.INVALID_INPUT,
        title="输入不合法",
        detail="请求参数不符合要求",
        errors=exc.errors,
    )
    return problem_response(request, problem, 422)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError):
    problem = Problem(
        code=ErrorCode.NOT_AUTHENTICATED, title="未登录", detail="需要有效的登录或 API 令牌"
    )
    return problem_response(request, problem, 401)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError):
    code = {403: ErrorCode.PERMISSION_DENIED, 404: ErrorCode.NOT_FOUND}.get(
        exc.status_code, ErrorCode.ERROR
    )
    problem = Problem(code=code, title=str(exc.message), detail=str(exc.message))
    return problem_response(request, problem, exc.status_code)


def _mount() -> None:
    # Each app contributes one router; add new apps here.
    from fazhi.accounts.api import router as accounts_router
    from fazhi.core.api.deadlines import router as deadlines_router
    from fazhi.core.api.identifiers import router as identifiers_router
    from fazhi.disputes.api import router as disputes_router
    from fazhi.enforcement.api import router as enforcement_router
    from fazhi.inspections.api import router as inspections_router
    from fazhi.laws.api import router as policies_router
    from fazhi.normdocs.api import router as normdocs_router
    from fazhi.officers.api import router as officers_router
    from fazhi.powers.api import router as powers_router
    from fazhi.publicity.api import router as publicity_router
    from fazhi.services.api import router as services_router

    api.add_router("/deadlines", deadlines_router)
    api.add_router("/identifiers", identifiers_router)
    api.add_router("/accounts", accounts_router)
    api.add_router("/policies", policies_router)
    api.add_router("/normdocs", normdocs_router)
    api.add_router("/disputes", disputes_router)
    api.add_router("/powers", powers_router)
    api.add_router("/officers", officers_router)
    api.add_router("/enforcement", enforcement_router)
    api.add_router("/services", services_router)
    api.add_router("/publicity", publicity_router)
    api.add_router("/inspections", inspections_router)


_mount()

"""Request id and IP for the current request, for audit events written deep in services."""

from __future__ import annotations

from contextvars import ContextVar, Token
from dataclasses import dataclass


@dataclass(frozen=True)
class RequestContext:
    request_id: str = ""
    ip: str | None = None


_current: ContextVar[RequestContext] = ContextVar("fazhi_request", default=RequestContext())  # noqa: B039 - frozen, immutable


def bind_request(*, request_id: str, ip: str | None) -> Token:
    return _current.set(RequestContext(request_id=request_id, ip=ip))


def clear_request(token: Token) -> None:
    _current.reset(token)


def current_request() -> RequestContext:
    return _current.get()


def client_ip(request) -> str | None:
    # The middleware already resolved the address (trusted proxies included) for the audit log.
    return current_request().ip or request.META.get("REMOTE_ADDR")

"""The public side under a crowd: cached anonymous GETs, invalidated by what changed.

* ``PUBLIC_ROUTES`` is the one table of what may be cached: a path prefix and the kinds of record
  its pages show. Anything not listed (staff pages, lookups with side effects such as the
  certificate check, tracking by code) is never cached.
* ``PublicCacheMiddleware`` answers an anonymous GET of a listed path from the cache. The key holds
  the host, path, query string (sorted), today's date (validity changes at midnight: a document
  taking effect tomorrow is right on that day) and the current version of each kind the page
  shows. Every answer carries an ``ETag`` and ``Last-Modified``, so a browser revisiting gets a 304.
* ``bump(kind)`` gives a kind a new version once the caller's transaction commits
  (``transaction.on_commit``): the next request computes a new key and renders afresh — a withdrawn
  公示, a repealed document or a corrected power item is visible on the next request, never after
  a timeout. Each write service calls it once (``bump("publicity")``).

Versions are random tokens, not counters: a plain ``set`` is then safe under concurrent writers
(the last token written was written after every commit it follows), so any shared cache works
as the version store — Redis in production, the database cache table otherwise — while pages live
in the ``default`` cache (per-process memory when nothing is configured). A missing version (a
cache flush, an eviction, a rolled-back test) is replaced by a new token: a miss, never a stale hit.
When the cache cannot be read (no version table, Redis down) the request is served uncached; a
bump that fails is logged, never turned into an error after the write it follows.

Never cached: a logged-in or session-carrying request, a request with ``Authorization``, anything
but GET, any status but 200, streamed answers, and answers that set a cookie, write the session,
queue a message or carry a CSRF token (the form pages).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import time
from collections.abc import Iterable

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

logger = logging.getLogger(__name__)

PAGES_ALIAS = "default"
VERSIONS_ALIAS = "versions"

# Kinds of record a public page can show; a service that changes one calls ``bump(kind)``.
KINDS = (
    "laws",  # policy documents, their versions, articles and links (人社政策一点通)
    "publicity",  # 执法公示 records
    "powers",  # 权责清单 items and their versions
    "enforcement",  # cases (a power item's yearly usage) and the published 裁量基准
    "inspections",  # 双随机 items, draws, results
    "officers",  # officers and their certificates
    "normdocs",  # drafts open for comment, cleanup announcements
    "govservices",  # the service catalogue and guides
    "reports",  # the published (frozen) annual reports
    "supervision",  # the published 行政执法统计年报 (snapshots)
    "education",  # the 普法责任清单, the 教育基地 register, published 普法 activities
)

# (path prefix, kinds shown). First match wins; an empty kinds tuple marks a path never cached.
PUBLIC_ROUTES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("/policies/", ("laws",)),
    ("/api/v1/policies/", ("laws",)),
    ("/publicity/", ("publicity",)),
    ("/api/v1/publicity/", ("publicity",)),
    ("/powers/", ("powers", "enforcement", "laws")),
    ("/api/v1/powers/", ("powers", "enforcement", "laws")),
    ("/inspections/", ("inspections",)),
    ("/api/v1/inspections/", ("inspections",)),
    ("/officers/check/", ()),  # a throttled, logged lookup
    ("/officers/", ("officers",)),
    ("/normdocs/", ("normdocs",)),
    ("/services/track/", ()),  # tracking by code
    ("/services/", ("govservices",)),
    ("/enforcement/", ("enforcement",)),
    ("/reports/", ("reports",)),
    ("/statistics/", ("supervision",)),
    ("/pufa/", ("education",)),
)
HOME = ("/", ())  # the portal home: no records, cached for its own sake


def kinds_for(path: str) -> tuple[str, ...] | None:
    """The kinds of record shown at ``path``; None when the path is not cached.

    >>> kinds_for("/publicity/12/")
    ('publicity',)
    >>> kinds_for("/officers/check/") is None, kinds_for("/staff/publicity/") is None
    (True, True)
    >>> kinds_for("/")
    ()
    """
    if path == HOME[0]:
        return HOME[1]
    for prefix, kinds in PUBLIC_ROUTES:
        if path.startswith(prefix):
            return kinds or None
    return None


# --- versions --------------------------------------------------------------------------------


def _version_key(kind: str) -> str:
    return f"fazhi:v:{kind}"


def _new_token() -> str:
    return secrets.token_hex(8)


def versions(kinds: Iterable[str]) -> tuple[str, ...]:
    """The current version token of each kind (one round trip; missing ones are created)."""
    kinds = tuple(kinds)
    if not kinds:
        return ()
    store = caches[VERSIONS_ALIAS]
    keys = [_version_key(k) for k in kinds]
    found = store.get_many(keys)
    out = []
    for key in keys:
        token = found.get(key)
        if token is None:
            token = _new_token()
            if not store.add(key, token, None):
                token = store.get(key) or token
        out.append(token)
    return tuple(out)


def _write_versions(kinds: tuple[str, ...]) -> None:
    store = caches[VERSIONS_ALIAS]
    try:
        for kind in kinds:
            key, token = _version_key(kind), _new_token()
            # ``add`` first: on the database cache two first-time ``set``s racing on one key can
            # fail silently; ``add`` failing means the row exists, and ``set`` then updates it.
            if not store.add(key, token, None):
                store.set(key, token, None)
    except Exception:
        # The write it follows is committed: never turn it into an error page. Pages cached
        # before stay until FAZHI_PUBLIC_CACHE_SECONDS (docs/ops/deployment.md §3a).
        logger.exception("public cache: could not bump %s", ", ".join(kinds))


def bump(*kinds: str) -> None:
    """Give each kind a new version once the current transaction commits (at once outside
    one). Services call it with the kind of record they change: ``bump("publicity")``."""
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown cache kinds: {sorted(unknown)}")
    transaction.on_commit(lambda: _write_versions(kinds))


def memo(kind: str, name: str, compute, request: HttpRequest | None = None):
    """``compute()``, kept until ``kind`` changes: for what every request of a page recomputes
    the same way (the issuing bodies offered by the search form). Uses the versions the
    middleware already read for ``request`` when it has them; computes afresh when the cache
    cannot be read."""
    if not _options()[0]:
        return compute()
    tokens = getattr(request, "cache_versions", None) or {}
    try:
        token = tokens.get(kind) or versions([kind])[0]
        key = f"fazhi:memo:{settings.FAZHI.get('RELEASE', '')}:{name}:{token}"
        value = caches[PAGES_ALIAS].get(key)
    except Exception:
        _warn_unavailable()
        return compute()
    if value is None:
        value = compute()
        try:
            caches[PAGES_ALIAS].set(key, value, _options()[1])
        except Exception:
            _warn_unavailable()
    return value


# --- the middleware --------------------------------------------------------------------------


def _options() -> tuple[bool, int]:
    fazhi = settings.FAZHI
    return fazhi.get("PUBLIC_CACHE", True), fazhi.get("PUBLIC_CACHE_SECONDS", 600)


def _cacheable_request(request: HttpRequest) -> bool:
    if request.method != "GET" or "HTTP_AUTHORIZATION" in request.META:
        return False
    cookies = request.COOKIES
    # A session (logged in, or an anonymous one holding messages) or queued messages: uncached.
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page carries a CSRF token: it belongs to one browser
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "_queued_messages", None):
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control


def page_key(request: HttpRequest, tokens: tuple[str, ...]) -> str:
    query = request.META.get("QUERY_STRING", "")
    if "&" in query:
        query = "&".join(sorted(query.split("&")))
    raw = "|".join(
        (
            settings.FAZHI.get("RELEASE", ""),  # a deploy with new templates starts afresh
            request.scheme,
            request.get_host(),
            request.path,
            query,
            timezone.localdate().isoformat(),
            *tokens,
        )
    )
    return "fazhi:page:" + hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def _mark(response: HttpResponse, etag: str, last_modified: float) -> None:
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    # Browsers keep the page but ask again each time (a 304 when nothing changed): never stale.
    response["Cache-Control"] = "no-cache"
    patch_vary_headers(response, ("Cookie",))


_last_warning = 0.0


def _warn_unavailable() -> None:
    """Once a minute per process, not once per request."""
    global _last_warning
    now = time.monotonic()
    if now - _last_warning > 60:
        _last_warning = now
        logger.warning("public cache unavailable: serving uncached", exc_info=True)


class PublicCacheMiddleware:
    """Serves anonymous GETs of ``PUBLIC_ROUTES`` from the cache (see the module docstring).

    Installed last in ``MIDDLEWARE`` so a cached answer still passes every outer middleware
    (security headers, request id, X-Frame-Options of the stored copy)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        enabled, seconds = _options()
        kinds = kinds_for(request.path_info) if enabled else None
        if kinds is None or not _cacheable_request(request):
            return self.get_response(request)
        # Taken before the versions are read: a page rendered from older data always carries an
        # earlier Last-Modified than one rendered after the change (to the second; ETag, which
        # browsers send whenever they have one, decides exactly).
        modified = time.time()
        try:
            tokens = versions(kinds)
            request.cache_versions = dict(zip(kinds, tokens, strict=True))
            key = page_key(request, tokens)
            entry = caches[PAGES_ALIAS].get(key)
        except Exception:  # the database table missing, Redis down: answer uncached
            _warn_unavailable()
            return self.get_response(request)
        if entry is not None:
            return self._answer(request, entry)
        response = self.get_response(request)
        if not _storable(request, response):
            return response
        content = response.content
        etag = '"' + hashlib.blake2b(content, digest_size=12).hexdigest() + '"'
        headers = {
            k: v
            for k, v in response.items()
            if k.lower() not in ("etag", "last-modified", "cache-control", "vary", "x-request-id")
        }
        try:
            caches[PAGES_ALIAS].set(key, (content, headers, etag, modified), seconds)
        except Exception:
            _warn_unavailable()
        _mark(response, etag, modified)
        response["X-Cache"] = "miss"
        return get_conditional_response(
            request, etag=etag, last_modified=int(modified), response=response
        )

    @staticmethod
    def _answer(request: HttpRequest, entry) -> HttpResponse:
        content, headers, etag, modified = entry
        conditional = get_conditional_response(request, etag=etag, last_modified=int(modified))
        response = conditional if conditional is not None else HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
        if conditional is not None:
            del response["Content-Length"]  # a 304 has no body; its length is not ours
        _mark(response, etag, modified)
        response["X-Cache"] = "hit"
        return response

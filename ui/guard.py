"""What the server lets in and what every answer carries: a Host allowlist and security headers.

An ASGI middleware around the whole app (Streamlit's routes, its websocket, the served assets). A request
whose Host is not on the list is refused before anything runs: 400 on HTTP, 403 on the websocket upgrade.
That closes DNS rebinding, where a page on a name its author controls (resolved to 127.0.0.1) talks to the
app in a local user's browser. Every HTTP answer gets the headers in HEADERS.

The list: the loopback names, the host of TERRITORIO_PUBLIC_URL, the address the server is bound to when
it is a concrete one, and whatever TERRITORIO_ALLOWED_HOSTS names (comma-separated; docs/SERVING.md).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from territorio import settings

LOOPBACK = ("localhost", "127.0.0.1", "::1")
WILDCARD_ADDRESSES = {"", "0.0.0.0", "::"}

# Streamlit's own page has an inline script and its components (the map is streamlit-folium, whose page
# evals folium's script; the briefing's key bridge is an HTML iframe that inherits this policy) run inline
# and eval'd code, and a map's MarkerCluster files come as data: URIs (territorio.map.assets), so
# scripts cannot be limited beyond 'self' plus those. What the policy does close:
# framing by another site, plugins, <base> hijacking, forms posting elsewhere, and every fetch, image,
# font or frame from another origin (a tracking image smuggled into rendered text is not loaded).
CSP = "; ".join((
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline' 'unsafe-eval' data:",
    "style-src 'self' 'unsafe-inline' data:",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "frame-src 'self' data: blob:",
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
))
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "SAMEORIGIN",       # frame-ancestors for browsers that predate it
}
REFUSED_BODY = b"This address is not one this server answers to (Host not allowed; see docs/SERVING.md).\n"


def hostname(host_header: str | None) -> str | None:
    """The name in a Host header, lower-case, without port or trailing dot; None when it is not a plain host."""
    if not host_header:
        return None
    try:
        parts = urlsplit(f"//{host_header.strip()}")
        parts.port                           # noqa: B018 (raises on a malformed port)
    except ValueError:
        return None
    if not parts.hostname or parts.username or parts.password or parts.path or parts.query or parts.fragment:
        return None
    return parts.hostname.lower().rstrip(".")


def allowed_hosts(bound_address: str | None = None, env: dict | None = None) -> frozenset[str]:
    """The host names this server answers to (see the module's docstring)."""
    names = set(LOOPBACK)
    public = urlsplit(settings.PUBLIC_URL.value(env)).hostname
    if public:
        names.add(public.lower())
    if bound_address and bound_address.strip("[]") not in WILDCARD_ADDRESSES:
        names.add(bound_address.strip("[]").lower())
    extra = (hostname(h) for h in settings.ALLOWED_HOSTS.raw(env).split(","))
    return frozenset(names | {h for h in extra if h})


def host_allowed(host_header: str | None, allowed: frozenset[str]) -> bool:
    return hostname(host_header) in allowed


def _header(scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


class Guard:
    """ASGI middleware: refuse foreign Host headers, add HEADERS to every HTTP answer."""

    def __init__(self, app, allowed: frozenset[str] | None = None):
        self.app = app
        self.allowed = allowed if allowed is not None else allowed_hosts()
        self._headers = [(k.encode(), v.encode()) for k, v in HEADERS.items()]

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        if not host_allowed(_header(scope, b"host"), self.allowed):
            return await self._refuse(scope, send)
        if scope["type"] == "websocket":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", ())}
                message = {**message, "headers": [*message.get("headers", ()),
                                                  *(h for h in self._headers if h[0] not in present)]}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    async def _refuse(self, scope, send):
        if scope["type"] == "websocket":             # closing before accepting answers the upgrade with 403
            await send({"type": "websocket.close", "code": 1008})
            return
        await send({"type": "http.response.start", "status": 400,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                (b"content-length", str(len(REFUSED_BODY)).encode()), *self._headers]})
        await send({"type": "http.response.body", "body": REFUSED_BODY})

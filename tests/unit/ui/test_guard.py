"""The server's Host allowlist and security headers (ui/guard.py), on an ASGI app in-process; the same
against each real launcher is in tests/e2e/test_serving.py."""

from __future__ import annotations

import pytest

from territorio import settings
from ui import guard

ALLOWED = guard.allowed_hosts(env={})


@pytest.mark.parametrize("header,name", [
    ("localhost:8501", "localhost"), ("LocalHost.", "localhost"), ("127.0.0.1", "127.0.0.1"),
    ("[::1]:8501", "::1"), ("news.example:443", "news.example"),
    ("", None), (None, None), ("evil.example:notaport", None), ("user@localhost", None),
    ("localhost/path", None), ("localhost?x", None),
])
def test_hostname_of_a_host_header(header, name):
    assert guard.hostname(header) == name


@pytest.mark.parametrize("env,bound,extra", [
    ({}, None, set()),
    ({}, "0.0.0.0", set()),
    ({}, "192.0.2.7", {"192.0.2.7"}),
    ({"TERRITORIO_PUBLIC_URL": "https://news.example/territorio/"}, None, {"news.example"}),
    ({settings.ALLOWED_HOSTS.name: " map.news.example , 192.0.2.8:8501,, "}, "::", {"map.news.example", "192.0.2.8"}),
])
def test_allowed_hosts_are_loopback_plus_what_is_configured(env, bound, extra):
    assert guard.allowed_hosts(bound, env=env) == {"localhost", "127.0.0.1", "::1", *extra}


@pytest.fixture
def run(run_coroutine):
    return lambda scope: sent_for(scope, run_coroutine)


def sent_for(scope, run_coroutine):
    """What Guard sends for one request to an app that answers 200 'ok' (or accepts a websocket)."""
    sent = []

    async def app(scope, receive, send):
        if scope["type"] == "lifespan":
            sent.append({"type": "reached the app"})
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.accept"})
            return
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/plain"), (b"x-content-type-options", b"nosniff")]})
        await send({"type": "http.response.body", "body": b"ok"})

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        sent.append(message)

    run_coroutine(guard.Guard(app, allowed=ALLOWED)(scope, receive, send))
    return sent


def scope(kind, host):
    return {"type": kind, "path": "/", "headers": [(b"host", host.encode())] if host is not None else []}


@pytest.mark.parametrize("host", ["localhost:8501", "127.0.0.1:8501", "[::1]:8501"])
def test_an_allowed_host_is_served_with_every_header_once(run, host):
    start, body = run(scope("http", host))
    assert start["status"] == 200 and body["body"] == b"ok"
    names = [k.decode() for k, _ in start["headers"]]
    assert all(names.count(h) == 1 for h in guard.HEADERS), names
    headers = dict(start["headers"])
    assert b"frame-ancestors 'self'" in headers[b"content-security-policy"]
    assert headers[b"referrer-policy"] == b"same-origin"


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8501", "localhost.evil.example", "", None])
def test_a_foreign_or_missing_host_is_refused_on_http(run, host):
    start, body = run(scope("http", host))
    assert start["status"] == 400 and b"Host not allowed" in body["body"]
    assert b"content-security-policy" in dict(start["headers"])


def test_a_foreign_host_is_refused_on_the_websocket_before_it_is_accepted(run):
    assert run(scope("websocket", "evil.example:8501")) == [{"type": "websocket.close", "code": 1008}]
    assert run(scope("websocket", "localhost:8501")) == [{"type": "websocket.accept"}]


def test_lifespan_passes_through(run):
    assert run({"type": "lifespan"}) == [{"type": "reached the app"}]

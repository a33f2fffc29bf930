"""The server as each documented launcher starts it: on 127.0.0.1 only, refusing foreign Host headers on
HTTP and on the websocket upgrade, with the security headers on every answer (the page, Streamlit's files,
the map component's, the served Leaflet), the upload limit from TERRITORIO_MAX_UPLOAD_MB, and the map still
drawn with no JS error or CSP violation. Then a server whose data file is missing: every page says which
file, with no traceback and no server path."""

from __future__ import annotations

import base64
import http.client
import os
import re
import shutil
import socket
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from benchmarks.browser import app_server
from territorio import settings
from territorio.i18n import t
from territorio.paths import REPO_ROOT
from ui import guard

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent
# launcher -> (argv on a port, TERRITORIO_MAX_UPLOAD_MB it is given): one limit above Streamlit's old 200 MB
# ceiling, the others small enough to try a file over it
LAUNCHERS = {
    "streamlit run app.py": (lambda port: [str(BIN / "streamlit"), "run", "app.py", "--server.port", str(port)], 300),
    "python -m ui.server": (lambda port: [sys.executable, "-m", "ui.server", "--server.port", str(port)], 1),
    "territorio serve": (lambda port: [str(BIN / "territorio"), "serve", "--port", str(port)], 1),
    "scripts/run.sh": (lambda port: ["bash", "scripts/run.sh", "--port", str(port)], 2),
}
SETTINGS_CLEARED = {settings.ALLOWED_HOSTS.name: "", "TERRITORIO_PUBLIC_URL": "", "STREAMLIT_SERVER_ADDRESS": ""}


@pytest.fixture(scope="module", params=LAUNCHERS)
def launched(request, tmp_path_factory):
    command, upload_mb = LAUNCHERS[request.param]
    log = tmp_path_factory.mktemp("launch") / "server.log"
    env = {**SETTINGS_CLEARED, "TERRITORIO_MAX_UPLOAD_MB": str(upload_mb)}
    with app_server(env, str(log), command, timeout=180) as (url, _pid):
        yield url, upload_mb


# --- what the server lets in ----------------------------------------------------------------------------

def listening_addresses(port: int) -> set[str]:
    """The local addresses of every socket listening on `port` (Linux /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:                 # 0A: LISTEN
                raw = bytes.fromhex(address)
                if len(raw) == 4:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:                                                       # four little-endian words
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


def get(url: str, path: str, host: str | None = None) -> http.client.HTTPResponse:
    """The answer to GET `path`, its body read into `.body`."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", path, headers={"Host": host or parts.netloc})
    response = conn.getresponse()
    response.body = response.read()
    conn.close()
    return response


def upgrade_status(url: str, host: str, origin: str | None = None) -> int:
    """The HTTP status that answers a websocket upgrade of Streamlit's stream with this Host (and Origin)."""
    parts = urlsplit(url)
    key = base64.b64encode(os.urandom(16)).decode()
    lines = ["GET /_stcore/stream HTTP/1.1", f"Host: {host}", "Upgrade: websocket", "Connection: Upgrade",
             f"Sec-WebSocket-Key: {key}", "Sec-WebSocket-Version: 13", "Sec-WebSocket-Protocol: streamlit",
             *([f"Origin: {origin}"] if origin else [])]
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as s:
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        status_line = s.makefile("rb").readline().decode()
    return int(status_line.split()[1])


def test_it_listens_on_127_0_0_1_only(launched):
    url, _ = launched
    assert listening_addresses(urlsplit(url).port) == {"127.0.0.1"}


@pytest.mark.parametrize("host", ["evil.example", "evil.example:{port}", "localhost.evil.example:{port}"])
def test_a_foreign_host_is_refused_on_http_and_on_the_websocket(launched, host):
    url, _ = launched
    host = host.format(port=urlsplit(url).port)
    for path in ("/", "/_stcore/health", "/territorio-assets/leaflet/leaflet.js"):
        assert get(url, path, host).status == 400, path
    assert upgrade_status(url, host) == 403


def test_the_loopback_names_are_served_and_upgraded(launched):
    url, _ = launched
    port = urlsplit(url).port
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}"):
        assert get(url, "/_stcore/health", host).status == 200, host
        assert upgrade_status(url, host, origin=f"http://{host}") == 101, host


def test_a_page_of_another_origin_cannot_open_the_websocket(launched):
    url, _ = launched
    assert upgrade_status(url, urlsplit(url).netloc, origin="http://evil.example") == 403


def test_the_headers_are_on_the_page_the_health_check_and_the_files(launched):
    url, _ = launched
    index = get(url, "/")
    script = re.search(r'src="\./(static/js/[^"]+\.js)"', index.body.decode()).group(1)
    for path, response in {"/": index, "/_stcore/health": get(url, "/_stcore/health"),
                           f"/{script}": get(url, f"/{script}"),
                           "/territorio-assets/leaflet/leaflet.js": get(url, "/territorio-assets/leaflet/leaflet.js"),
                           "/no-such-page": get(url, "/no-such/file.js")}.items():
        assert response.status in (200, 404), path
        for name, value in guard.HEADERS.items():
            assert response.getheader(name) == value, (path, name)


# --- what a browser sees --------------------------------------------------------------------------------

def test_the_map_draws_under_the_policy_and_every_answer_carries_the_headers(launched, watched):
    url, _ = launched
    answers = []
    watched.page.on("response", lambda r: answers.append(r) if r.url.startswith(url) else None)
    watched.open(url + "/")
    watched.map_frame().locator("path.parish").first.wait_for(state="visible", timeout=60_000)
    missing = [(r.url, name) for r in answers for name in guard.HEADERS if name not in r.headers]
    assert not missing, missing
    paths = {urlsplit(r.url).path for r in answers}
    assert any(p.startswith("/component/streamlit_folium") for p in paths), "the map component's files"
    assert any(p.startswith("/territorio-assets/") for p in paths), "Leaflet served by the app"
    # watched fails the test on any JS error or Content-Security-Policy violation


def test_the_uploader_states_the_limit_that_applies_and_keeps_to_it(launched, watched, tmp_path):
    url, upload_mb = launched
    watched.open(url + "/upload")
    uploader = watched.page.locator("[data-testid='stFileUploader']").first
    assert re.search(rf"(?<![0-9.]){upload_mb}\s?MB per file", uploader.inner_text()), uploader.inner_text()
    if upload_mb > 2:
        return
    too_big = tmp_path / "too_big.csv"
    too_big.write_bytes(b"id,date\n" + b"x" * int((upload_mb + 0.5) * 1024 * 1024))
    uploader.locator("input[type=file]").set_input_files(str(too_big))
    watched.page.get_by_text(re.compile(rf"must be {upload_mb}(\.0)?\s?MB or smaller")).first.wait_for(timeout=30_000)


# --- a server whose data file is missing -------------------------------------------------------------------

@pytest.fixture(scope="module")
def broken_server(tmp_path_factory):
    root = tmp_path_factory.mktemp("broken") / "geodata"
    shutil.copytree(REPO_ROOT / "geodata", root)
    (root / "incidents.csv").unlink()
    log = root.parent / "server.log"
    command = LAUNCHERS["streamlit run app.py"][0]
    with app_server({**SETTINGS_CLEARED, "TERRITORIO_GEODATA": str(root)}, str(log), command) as (url, _pid):
        yield url, root, log


@pytest.mark.parametrize("path", ["/", "/profile", "/study", "/sources", "/briefing"])
def test_a_missing_data_file_is_named_with_no_traceback_or_path(broken_server, watched, path):
    url, root, log = broken_server
    watched.open(url + path)
    alert = watched.page.locator("[data-testid='stAlert']").first
    alert.wait_for(timeout=60_000)
    assert t("error_data_missing", "en", file="incidents.csv") in alert.inner_text()
    text = watched.page.inner_text("body")
    for secret in (str(root), str(REPO_ROOT), "Traceback", "DataPackageError", "This app has encountered an error"):
        assert secret not in text, secret
    assert not watched.page.locator("[data-testid='stException']").count()
    assert "page error, reference" in log.read_text()      # the details went to the server's log

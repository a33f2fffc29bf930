"""Crafted links in real Chromium: text from the address never becomes a link, an image or a request. Requests to
the crafted hosts are blocked and recorded (127.0.0.1:8802 is local, so the shared fixture would let it through)."""

import re

import pytest

pytestmark = pytest.mark.e2e

HOSTILE = "[Click to verify](https://evil.example/login) ![t](http://127.0.0.1:8802/track.png)"
CRAFTED_HOSTS = re.compile(r"^\w+://(127\.0\.0\.1:8802|([\w-]+\.)*evil\.example)([/:?#]|$)")


@pytest.fixture
def crafted(watched):
    """The requests the page made to the crafted hosts (blocked)."""
    made = []
    watched.page.route(CRAFTED_HOSTS, lambda route: (made.append(route.request.url), route.abort()))
    return made


def _from_the_link(watched):
    """<a> and <img> elements on the page that point at a crafted host."""
    found = watched.page.evaluate("""() => [...document.querySelectorAll('a[href], img[src]')]
        .map(e => e.getAttribute('href') || e.getAttribute('src'))
        .filter(u => /evil\\.example|8802/.test(u))""")
    return found


@pytest.mark.parametrize("path, param", [("/profile", "area"), ("/study", "date"), ("/study", "designation")])
def test_a_crafted_value_makes_no_link_no_image_and_no_request(watched, app_url, crafted, tmp_path, path, param):
    from urllib.parse import urlencode

    watched.open(f"{app_url}{path}?{urlencode({param: HOSTILE, 'lang': 'en'})}")
    alert = watched.page.locator("[data-testid='stAlert']", has_text="Click to verify")
    alert.first.wait_for(timeout=30_000)
    watched.page.wait_for_timeout(1000)                   # time for any image the page would fetch
    assert "[Click to verify](https://evil.example/login)" in alert.first.inner_text().replace("\u2060", "")  # as text
    assert alert.first.locator("a, img").count() == 0
    assert _from_the_link(watched) == [] and crafted == [] and watched.external == []
    watched.page.screenshot(path=tmp_path / f"{path.strip('/')}-{param}.png")


BARE = {"area": "https://evil.example/login", "type": "www.evil.example", "actor": "someone@evil.example"}


def test_a_bare_address_in_a_note_on_the_map_page_is_not_a_link(watched, app_url, crafted):
    """One link, three bad values, three notes: an address, a www. name and an e-mail address, each left as text."""
    from urllib.parse import urlencode

    watched.open(f"{app_url}/?{urlencode({**BARE, 'lang': 'en'})}")
    notes = watched.page.locator("[data-testid='stAlert']")
    notes.nth(len(BARE) - 1).wait_for(timeout=30_000)
    text = " ".join(n.inner_text() for n in notes.all()).replace("\u2060", "")
    assert all(value in text for value in BARE.values()), text          # the reader sees each address...
    assert watched.page.locator("[data-testid='stAlert'] a").count() == 0    # ...as text, not a link
    assert _from_the_link(watched) == [] and crafted == []

"""Every address of the previous build still resolves: a printed link, a shared post, a feed
reader's subscription, a download. tests/previous-urls.txt lists them as main built the sample
before units and campaigns went through time (a page ends in /); each must still be a page, a
file, or a redirect page that leads to a page that exists.

Photo renditions and social cards are the exception: issue 18 publishes them in one format at
other widths (WebP, a JPEG card), so their names changed; pages and feeds name the new ones. An
old rendition's page must still resolve, so a link to the image still leads a reader to it."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import REPO

PREVIOUS = REPO / "tests" / "previous-urls.txt"


def previous_addresses() -> list[str]:
    return [line for line in PREVIOUS.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]


def resolve(site: Path, address: str) -> Path | None:
    """The file a browser ends on: the page or file itself, or where a redirect page leads."""
    path = site / (address + "index.html" if address.endswith("/") else address)
    if not path.is_file():
        return None
    if path.suffix == ".html":
        refresh = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find(
            "meta", attrs={"http-equiv": "refresh"})
        if refresh is not None:
            target = (path.parent / refresh["content"].split("; url=", 1)[1]).resolve()
            return target if target.is_file() else None
    return path


def test_the_list_is_the_whole_previous_site() -> None:
    addresses = previous_addresses()
    assert len(addresses) > 400 and len(set(addresses)) == len(addresses)
    for section in ("dien-hinh/", "don-vi/", "xa/", "noi-dung/", "thong-ke/", "du-lieu/", "bien-tap/"):
        assert section in addresses


RENDITIONS = (".jpg", ".webp", ".png")


def still_there(site: Path, address: str) -> bool:
    if address.endswith(RENDITIONS):
        return resolve(site, address.rsplit("/", 1)[0] + "/") is not None
    return resolve(site, address) is not None


def test_every_address_of_the_previous_build_still_resolves(sample_site: Path) -> None:
    missing = [a for a in previous_addresses() if not still_there(sample_site, a)]
    assert not missing, "addresses that no longer resolve:\n" + "\n".join(missing)

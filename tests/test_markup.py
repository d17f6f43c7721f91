"""The whole built sample site through the Nu Html Checker (vnu.jar from the npm registry, pinned
in package.json, run on the machine's Java): every page, in one run, with no error.

Set up by `npm ci` at the top of the repository (and Java: `apt-get install default-jre-headless`);
.ci/run does both. Without them the test skips and says so, except in CI, where it fails.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from dvk.text.story import story_html

REPO = Path(__file__).resolve().parent.parent
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def _nu_html_checker() -> list[str]:
    java = shutil.which("java")
    missing = [what for what, ok in (("java (apt-get install default-jre-headless)", java),
                                     (f"{VNU} (npm ci)", VNU.exists())) if not ok]
    if missing:
        message = "no Nu Html Checker: missing " + ", ".join(missing)
        if os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
            pytest.fail(message + "; CI must run it", pytrace=False)
        pytest.skip(message)
    # -Xss: the checker's schema needs a deeper stack than Java's default (it says so and stops).
    return [str(java), "-Xss4m", "-jar", str(VNU)]


def test_every_page_of_the_built_site_is_valid_html(sample_site: Path) -> None:
    command = _nu_html_checker()
    result = subprocess.run([*command, "--errors-only", "--skip-non-html", "--format", "json", "."],
                            cwd=sample_site, capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr)["messages"]
    pages = len(list(sample_site.rglob("*.html")))
    assert pages > 100
    errors = [f"{m['url'].removeprefix('file:').split(str(sample_site))[-1]}:{m.get('lastLine', '?')}: "
              f"{m['message']}" for m in messages]
    assert errors == [], f"{len(errors)} errors on {pages} pages:\n" + "\n".join(errors[:40])


def _levels(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])>", html)]


@pytest.mark.parametrize(("story", "levels"), [
    ("## Cách làm\n\nx\n\n## Kết quả\n\ny", [3, 3]),          # opens one level down
    ("# Cách làm\n\nx\n\n### Bước 1\n\ny", [3, 4]),          # jumps a level
    ("### Bước 1\n\nx\n\n## Kết quả\n\ny\n\n#### Số liệu", [3, 3, 4]),  # deeper first
])
def test_a_story_s_headings_sit_under_the_page_s_without_skipping_a_level(story: str, levels: list[int]) -> None:
    assert _levels(story_html(story)) == levels

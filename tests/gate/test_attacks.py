"""A hostile contribution either stops at `dvk check --strict`, or reaches the public harmlessly.

Each test is one sentence about the gate, parametrized over the crafted pull requests of its class
in attacks.py. Every case is expected SAFE; a failure names the case, its verdict and where the
payload was found (file and snippet). The cases run once per session (conftest.Harness): those
that need only their own exemplar share one project per class, the others get one each.
"""

from __future__ import annotations

import pytest

from . import attacks
from .attacks import CASES

SAFE = "SAFE"


def _cases(cls: str):
    return [pytest.param(c.id, id=c.id) for c in CASES if c.cls == cls]


def _expect_safe(outcomes, case_id: str) -> None:
    if case_id not in outcomes:
        pytest.skip("not selected (DVK_GATE_ONLY)")
    o = outcomes[case_id]
    assert o.verdict == SAFE, o.explain()


def test_an_unmodified_baseline_passes_the_check_and_builds(harness):
    base, info = harness.baseline()
    assert info["check"]["rc"] == 0, info["check"]["out"][-800:] + info["check"]["err"][-800:]
    assert info["build"]["rc"] == 0, info["build"]["err"][-1500:]
    assert len(info["pages"]) == 2, "the baseline exemplars did not get their pages"
    assert base.srcs and base.inline, "the baseline pages have no theme scripts to compare with"


def test_the_harness_sees_a_payload_when_one_is_published(harness, tmp_path):
    """A scanner that never finds anything proves nothing: plant live HTML in a built page."""
    from .conftest import Scanner

    base, _info = harness.baseline()
    case = attacks.Case("planted", "active", "planted by the test")
    case.n = 999
    site = tmp_path / "site"
    (site / "x").mkdir(parents=True)
    (site / "x" / "index.html").write_text(f'<p><img src=x onerror="{attacks.JS}"></p>'.replace("§", case.mk))
    (site / "x" / "d.csv").write_text(f'a,b\n1,=HYPERLINK("{case.mk}")\n')
    found = Scanner(site, [case], base).scan().findings
    assert {f.rule.split(" <")[0] for f in found} >= {"on* attribute", "CSV cell starts with a formula character"}


@pytest.mark.parametrize("case_id", _cases(attacks.ACTIVE))
def test_active_content_in_a_contribution_never_reaches_an_output_live(outcomes, case_id):
    _expect_safe(outcomes, case_id)


@pytest.mark.parametrize("case_id", _cases(attacks.PRIVATE))
def test_private_data_is_refused_or_never_published_however_it_is_written(outcomes, case_id):
    _expect_safe(outcomes, case_id)


@pytest.mark.parametrize("case_id", _cases(attacks.CRASH))
def test_a_hostile_file_never_crashes_or_stalls_the_check_or_the_build(outcomes, case_id):
    _expect_safe(outcomes, case_id)


@pytest.mark.parametrize("case_id", _cases(attacks.TRUST))
def test_the_build_never_trusts_what_the_repository_should_not_carry(outcomes, case_id):
    _expect_safe(outcomes, case_id)


@pytest.mark.parametrize("case_id", _cases(attacks.REGISTRY))
def test_registry_values_never_become_formulas_broken_feeds_or_invisible_titles(outcomes, case_id):
    _expect_safe(outcomes, case_id)

"""The YAML rules contributors rely on (content/dong-gop.md states them for contributors).

The rules, as the checker applies them:

* YAML 1.2 core scalars: only `true` / `false` are booleans, so `no`, `on`, `yes` stay text
  (a `draft: yes` is then reported as "must be true or false", never silently read as true).
* Dates stay text (`2024-05-19`); the checker tests their form, that the day exists and, for
  recognition, consent, steps, nominations and media, that it is not in the future.
* Where the schema wants text, a plain number keeps exactly what was typed (`1.10` stays "1.10").
* A key given twice is an error naming both lines; keys must be plain text (no `<<` merges).
* Only the standard tags (`!!python/...` is refused); aliases and nesting are bounded.
* Files: at most 256 KB, UTF-8 (a BOM and CRLF line ends are fine), no NUL bytes; text in
  decomposed form (NFD) is normalised to NFC with a warning.
"""

from __future__ import annotations

import pytest

from dvk.load.yamlread import YamlProblem, keep_text_where_schema_wants_it, parse
from dvk.schema import load_schema


def test_only_true_and_false_are_booleans() -> None:
    data = parse("a: no\nb: on\nc: yes\nd: true\ne: False\n").data
    assert data == {"a": "no", "b": "on", "c": "yes", "d": True, "e": False}


def test_dates_stay_text() -> None:
    assert parse("date: 2024-05-19\n").data == {"date": "2024-05-19"}


def test_a_plain_number_keeps_what_was_typed_where_the_schema_wants_text() -> None:
    parsed = parse("title: 1.10\nsummary: 007\ncriteria:\n  - {target: 1.10, result: 3}\n")
    keep_text_where_schema_wants_it(parsed, load_schema("exemplar.schema.json"))
    assert parsed.data["title"] == "1.10"
    assert parsed.data["summary"] == "007"
    assert parsed.data["criteria"][0] == {"target": 1.1, "result": 3}


def test_a_key_given_twice_is_an_error_naming_both_lines() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse("title: a\nkind: collective\ntitle: b\n", first_line=2)
    assert caught.value.code == "yaml.duplicate_key"
    assert caught.value.line == 4
    assert caught.value.params == {"key": "title", "first": 2}


def test_alias_bombs_are_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 8):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join(f"*{chr(96 + i)}" for _ in range(10)) + "]\n"
    with pytest.raises(YamlProblem) as caught:
        parse(bomb)
    assert caught.value.code == "yaml.too_complex"


def test_python_tags_are_refused() -> None:
    with pytest.raises(YamlProblem) as caught:
        parse("x: !!python/object/apply:os.system ['echo hi']\n")
    assert caught.value.code == "yaml.tag"


def test_every_value_knows_its_line() -> None:
    parsed = parse("title: a\ncriteria:\n  - name: b\n    target: 3\n", first_line=2)
    assert parsed.line_of(("criteria", 0, "target")) == 5
    assert parsed.line_of(("criteria", 0, "missing")) == 4

"""Vietnamese alphabetical order, not code-point order."""

from __future__ import annotations

import unicodedata

from dvk.text.collate import sorted_vi


def test_d_stroke_comes_after_d_not_after_z() -> None:
    assert sorted_vi(["Đồng", "Zô", "Dân", "Em"]) == ["Dân", "Đồng", "Em", "Zô"]


def test_letters_with_marks_follow_the_alphabet() -> None:
    assert sorted_vi(["ư", "u", "ơ", "ô", "o", "ê", "e", "â", "ă", "a"]) == \
        ["a", "ă", "â", "e", "ê", "o", "ô", "ơ", "u", "ư"]


def test_tones_come_after_the_base_letter_in_dictionary_order() -> None:
    assert sorted_vi(["mạ", "má", "mã", "mả", "mà", "ma"]) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_letters_decide_before_tones() -> None:
    assert sorted_vi(["Ấp Bắc", "An Hóa", "Ao", "Anh"]) == ["An Hóa", "Anh", "Ao", "Ấp Bắc"]


def test_case_and_decomposed_input_do_not_change_the_order() -> None:
    decomposed = unicodedata.normalize("NFD", "Tiên Thủy")
    assert sorted_vi([decomposed, "tân phú"]) == ["tân phú", decomposed]


def test_words_compare_word_by_word() -> None:
    assert sorted_vi(["xã Tân Thạch", "xã Tân Phú", "xã Tam Phước"]) == \
        ["xã Tam Phước", "xã Tân Phú", "xã Tân Thạch"]

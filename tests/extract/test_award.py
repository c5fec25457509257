from __future__ import annotations

import pytest

from tests.extract.helpers import facts_of

TITLE = "خبر\n"

# (text, expected awards as (giver, recipient))
CASES = [
    ("قلد الرئيس الفرنسي إيمانويل ماكرون ولي عهد أبوظبي الشيخ محمد بن زايد وسام جوقة الشرف من رتبة الصليب الأكبر.",
     [("FR", "AE")]),
    ("منح الرئيس الكازاخستاني قاسم جومارت توكاييف الرئيس المصري عبد الفتاح السيسي وسام الصداقة.", [("KZ", "EG")]),
    ("وتقلد رئيس الوزراء الإيطالي وسام الاستحقاق من الرئيس الجزائري عبد المجيد تبون.", [("DZ", "IT")]),
    ("منح سمو الأمير من فخامة الرئيس الفرنسي وسام جوقة الشرف تقديرا لجهوده.", []),  # no country for the emir
    ("أشاد الرئيس بالجهود المبذولة لتعزيز العلاقات مع الأردن.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_awards(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(f.get("giver"), f.get("recipient")) for f in facts_of(TITLE + text, "award")]
    assert got == expected


def test_award_name_and_person() -> None:
    text = TITLE + "منح العاهل المغربي الملك محمد السادس الرئيس الموريتاني محمد ولد الغزواني وسام العرش من درجة قائد."
    (a,) = facts_of(text, "award")
    assert (a.get("giver"), a.get("recipient")) == ("MA", "MR")
    assert "العرش" in a.get("award")
    assert "الغزواني" in (a.get("recipient_person") or "")

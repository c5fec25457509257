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


def test_recipient_named_without_country() -> None:
    text = TITLE + ("استقبل الرئيس الأوزبكي وفد المملكة العربية السعودية. وفي ختام اللقاء، قلد الرئيس الأوزبكي شوكت"
                    " ميرضيائيف الوزير خالد الفالح وسام الصداقة.")
    (a,) = facts_of(text, "award")
    assert (a.get("giver"), a.get("recipient")) == ("UZ", "SA")
    assert a.get("recipient_person") == "خالد الفالح"


def test_award_name_and_person() -> None:
    text = TITLE + "منح العاهل المغربي الملك محمد السادس الرئيس الموريتاني محمد ولد الغزواني وسام العرش من درجة قائد."
    (a,) = facts_of(text, "award")
    assert (a.get("giver"), a.get("recipient")) == ("MA", "MR")
    assert "العرش" in a.get("award")
    assert "الغزواني" in (a.get("recipient_person") or "")


VOICES = [
    ("قلّد صاحب السمو الشيخ محمد بن زايد آل نهيان رئيس الدولة، الرئيس الكوري يون سوك يول وسام زايد.", ("AE", "KR")),
    ("تسلم الرئيس السنغالي من نظيره الموريتاني وسام الاستحقاق الوطني.", ("MR", "SN")),
    ("منح الرئيس التونسي قيس سعيد وسام الجمهورية لسفير اليابان لدى تونس.", ("TN", "JP")),
    ("قام جلالة الملك عبدالله الثاني بتقليد الرئيس الفرنسي قلادة الحسين بن علي.", ("JO", "FR")),
    ("حصل الرئيس الكازاخستاني على وسام الصداقة من الرئيس الروسي فلاديمير بوتين.", ("RU", "KZ")),
    ("أنعم العاهل المغربي الملك محمد السادس على الرئيس السنغالي بوسام العرش.", ("MA", "SN")),
    ("وقلد ملك البحرين ولي عهد السعودية وسام الشيخ عيسى بن سلمان آل خليفة من الدرجة الممتازة.", ("BH", "SA")),
    # an earlier actor of the sentence is no subject: both actors follow the verb
    ("وخلال زيارة الرئيس الإندونيسي إلى الرياض، قلد خادم الحرمين الشريفين الرئيس الإندونيسي قلادة الملك عبدالعزيز.",
     ("SA", "ID")),
    # the giver named in a relative clause after the decoration
    ("وأعرب السفير الماليزي عن اعتزازه بوسام الصداقة، الذي منحه إياه الرئيس الكازاخستاني قاسم جومارت توكاييف.",
     ("KZ", "MY")),
    # an honoured, unnamed subject right after the verb gives (the article's other country)
    ("زار الرئيس الكازاخستاني الأردن. وقلد جلالة الملك الرئيس الكازاخستاني وسام النهضة المرصع.", ("JO", "KZ")),
    # an honorific adjective between the subject's title and the verb
    ("زار الرئيس المجري البحرين. جلالة الملك المعظم يقلد الرئيس المجري وسام الشيخ عيسى بن سلمان آل خليفة.",
     ("BH", "HU")),
    # a recipient with no country named receives from the giver of the relative clause
    ("وصل الرئيس الكازاخستاني إلى الدوحة. وتسلم الشيخ جاسم بن حمد، اليوم، وسام الصداقة، الذي منحه إياه فخامة"
     " الرئيس قاسم جومارت توكاييف رئيس جمهورية كازاخستان.", ("KZ", "QA")),
]


@pytest.mark.parametrize(("text", "expected"), VOICES)
def test_giver_and_recipient_in_every_voice(text: str, expected: tuple[str, str]) -> None:
    (a,) = facts_of(TITLE + text, "award")
    assert (a.get("giver"), a.get("recipient")) == expected


def test_honorific_subject_gives() -> None:
    """``جلالة الملك المعظم يقلد الرئيس X``: the subject before the verb gives, though an honorific follows it."""
    text = "البحرين والنمسا\nجلالة الملك المعظم يقلد الرئيس النمساوي وسام البحرين من الدرجة الأولى"
    (a,) = facts_of(text, "award")
    assert (a.get("giver"), a.get("recipient")) == ("BH", "AT")


def test_recipient_by_the_title_country() -> None:
    """``بمنح وزير الدولة في دولة قطر ... وسام``: the recipient is the country his title names."""
    text = TITLE + "وقع الرئيس الكازاخستاني مرسوما بمنح وزير الخارجية في دولة الكويت وسام الصداقة من الدرجة الأولى."
    (a,) = facts_of(text, "award")
    assert (a.get("giver"), a.get("recipient")) == ("KZ", "KW")


def test_object_person_after_the_giver() -> None:
    """``قلد الرئيس X الوزير Y وسام``: Y, a person the lexicon has no country for, is the recipient."""
    text = ("أوزبكستان والإمارات\nوفي ختام اللقاء، قلد الرئيس ميرضيائيف الوزير محمد الهاشمي وسام الصداقة تقديرا "
            "لجهوده.")
    (a,) = facts_of(text, "award")
    assert a.get("recipient_person") == "محمد الهاشمي"


@pytest.mark.parametrize(("text", "published", "date"), [
    # a dispatch dated the day it appeared: the decoration is of that day
    ("الجزائر وتونس\nالجزائر - 21 فبراير 2024 (وأج) - استقبل رئيس الجمهورية عبد المجيد تبون اليوم نظيره "
     "التونسي قيس سعيد في زيارة دولة.\nوقلد الرئيس تبون، بالمناسبة، ضيفه وسام الاستحقاق الوطني.", "2024-02-21", "2024-02-21"),
    # اليوم الأربعاء in the sentence itself
    ("الأردن وألمانيا\nقلد جلالة الملك عبدالله الثاني، اليوم الأربعاء، الرئيس الألماني قلادة الحسين بن علي.",
     "2024-02-07", "2024-02-07"),
    # an article written days after the visit: no date
    ("زيارة تاريخية\nأضاءت زيارة الملك عبد الله الثاني إلى أستانا في 26 و27 أغسطس 2025 صفحة مشرقة في العلاقات.\n"
     "ومنح العاهل الأردني الرئيس توكاييف وسام النهضة.", "2025-08-29", None),
    # a decoration looked back on
    ("الجزائر وتونس\nالجزائر - 21 فبراير 2024 (وأج) - استقبل رئيس الجمهورية عبد المجيد تبون اليوم نظيره "
     "التونسي قيس سعيد في زيارة دولة.\nوكان الرئيس تبون قد قلد الرئيس التونسي وسام الاستحقاق الوطني.", "2024-02-21", None),
])
def test_award_date(text: str, published: str, date: str | None) -> None:
    (a,) = facts_of(text, "award", published)
    assert a.get("date") == date

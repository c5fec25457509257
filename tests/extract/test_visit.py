from __future__ import annotations

import pytest

from tests.extract.helpers import facts_of

TITLE = "خبر\n"

# (text, published, expected visits as (guest, host, start) — start None when not given)
CASES = [
    ("وصل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز إلى القاهرة اليوم في زيارة رسمية لمصر.", "2024-03-10",
     [("SA", "EG", "2024-03-10")]),
    ("يزور الرئيس الفرنسي إيمانويل ماكرون الجزائر يومي 25 و26 أوت 2022 تلبية لدعوة من الرئيس عبد المجيد تبون.", None,
     [("FR", "DZ", "2022-08-25")]),
    ("استقبل جلالة الملك عبدالله الثاني في قصر الحسينية رئيس وزراء اليابان فوميو كيشيدا.", None,
     [("JP", "JO", None)]),
    ("بدأ رئيس الوزراء الهندي ناريندرا مودي زيارة رسمية إلى الإمارات تستغرق يومين.", None, [("IN", "AE", None)]),
    ("توجه وزير الخارجية المصري سامح شكري إلى الرياض للمشاركة في اجتماع وزاري.", None, [("EG", "SA", None)]),
    ("أجرى الرئيس التونسي قيس سعيد زيارة إلى الجزائر في جانفي 2023، وهي الأولى منذ توليه الرئاسة.", None,
     [("TN", "DZ", "2023-01")]),
    ("وكان الرئيس التركي رجب طيب أردوغان قد زار الدوحة في ديسمبر الماضي.", "2024-05-01", [("TR", "QA", "2023-12")]),
    ("يصل وفد سعودي رفيع المستوى إلى بغداد غدا لبحث ملفات الطاقة.", "2024-02-01", [("SA", "IQ", "2024-02-02")]),
    # not visits
    ("أكد الرئيس المصري أهمية تعزيز التعاون مع الصين في مجال الطاقة.", None, []),
    ("شهدت العلاقات توجها عمليا نحو تعزيز التعاون بين البلدين.", None, []),
    ("وأعرب عن أمله في أن تسهم الزيارة في تعزيز العلاقات.", None, []),
    ("ووفقا لزيارتي الأخيرة إلى الدوحة فإن البنية التحتية متطورة.", None, []),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_visits(text: str, published: str | None, expected: list[tuple[str, str, str | None]]) -> None:
    got = [(f.get("guest"), f.get("host"), f.get("start")) for f in facts_of(TITLE + text, "visit", published)]
    assert got == expected


def test_one_visit_however_many_mentions() -> None:
    text = (TITLE + "يزور أمير دولة الكويت الشيخ مشعل الأحمد الجابر الصباح سلطنة عمان في 12 مايو 2024.\n"
            "وتأتي زيارة أمير الكويت إلى مسقط في إطار تعزيز العلاقات.\n"
            "وكان الشيخ مشعل الأحمد قد زار مسقط أيضا في يناير 2020 حين كان وليا للعهد.")
    visits = facts_of(text, "visit")
    assert [(f.get("guest"), f.get("host"), f.get("start")) for f in visits] == [
        ("KW", "OM", "2024-05-12"), ("KW", "OM", "2020-01")]


def test_host_by_invitation_and_place() -> None:
    text = TITLE + "وصل الرئيس الصيني شي جين بينغ إلى الرياض تلبية لدعوة من خادم الحرمين الشريفين."
    (v,) = facts_of(text, "visit")
    assert (v.get("guest"), v.get("host"), v.get("place")) == ("CN", "SA", "الرياض")
    assert "شي جين بينغ" in (v.get("guest_person") or "")


MORE = [
    ("والتقى وزير الخارجية السعودي الأمير فيصل بن فرحان في طهران نظيره الإيراني.", ("SA", "IR", "طهران")),
    ("يصل إلى القاهرة اليوم الرئيس الفرنسي إيمانويل ماكرون في زيارة تستغرق يومين.", ("FR", "EG", "القاهرة")),
    ("عقد وزير الخارجية الأردني أيمن الصفدي في بيروت مباحثات مع رئيس الحكومة اللبنانية.", ("JO", "LB", "بيروت")),
    ("ترأس ولي العهد الكويتي وفد بلاده في القمة العربية المنعقدة في جدة.", ("KW", "SA", "جدة")),
    ("وصل وزير الشؤون الخارجية الجزائري أحمد عطاف إلى روما.", ("DZ", "IT", "روما")),
]


@pytest.mark.parametrize(("text", "expected"), MORE)
def test_meetings_and_delegations_placed_abroad(text: str, expected: tuple[str, str, str]) -> None:
    (v,) = facts_of(TITLE + text, "visit")
    assert (v.get("guest"), v.get("host"), v.get("place")) == expected


@pytest.mark.parametrize("text", [
    "اجتمع الرئيس عبد الفتاح السيسي مع رئيس الوزراء الهندي.",
    "عقدت اللجنة المشتركة اجتماعها في الرياض.",
])
def test_meetings_without_a_venue_abroad_are_no_visits(text: str) -> None:
    assert facts_of(TITLE + text, "visit") == []


def test_every_guest_of_a_summit_visits_the_venue() -> None:
    text = (TITLE + "ترأس جلالة الملك عبدالله الثاني، اليوم الأحد في عمان، أعمال القمة الثلاثية، بمشاركة الرئيس المصري "
            "عبد الفتاح السيسي، ورئيس مجلس الوزراء العراقي محمد شياع السوداني، اللذين وصلا إلى عمان صباح اليوم.")
    got = {(f.get("guest"), f.get("host"), f.get("start")) for f in facts_of(text, "visit", "2024-04-14")}
    assert got == {("EG", "JO", "2024-04-14"), ("IQ", "JO", "2024-04-14")}


def test_a_delegation_led_by_a_minister_of_unknown_country() -> None:
    text = TITLE + "وكان وفد سعودي رفيع برئاسة وزير الاستثمار خالد الفالح قد وصل إلى دمشق أمس للمشاركة في المنتدى."
    (v,) = facts_of(text, "visit", "2025-07-24")
    assert (v.get("guest"), v.get("host"), v.get("start"), v.get("guest_person")) == (
        "SA", "SY", "2025-07-23", "خالد الفالح")


# A visitor named by a title whose portfolio or relative clause stands between the visit word and the country
BRIDGED = [
    ("وجاء الاتفاق خلال زيارة وزير التجارة والصناعة الأردني إلى أنقرة في مارس الماضي.", "2024-06-01",
     ("JO", "TR", "2024-03")),
    ("وذلك في إطار زيارة العمل والصداقة التي يقوم بها الرئيس التونسي إلى القاهرة.", None, ("TN", "EG", None)),
    ("تزامنا مع زيارة الدولة التي يقوم بها لمصر رئيس الوزراء الماليزي.", None, ("MY", "EG", None)),
    ("وتأتي هذه الخطوة بعد زيارة رئيس الوزراء الباكستاني إلى الرياض في يناير 2024.", None, ("PK", "SA", "2024-01")),
    # honorifics and epithets before the visitor: the speaker who welcomes him is not the guest
    ("وقال الرئيس الإماراتي: سعداء بزيارة الصديق العزيز فخامة الرئيس الصيني إلى الإمارات.", None, ("CN", "AE", None)),
    # a definite visit word takes no genitive visitor: the honoured person after it is the one met
    ("ووصل وزير الخارجية الياباني إلى الكويت، والتقى خلال الزيارة سمو ولي العهد الكويتي.", None, ("JP", "KW", None)),
]


@pytest.mark.parametrize(("text", "published", "expected"), BRIDGED)
def test_visitor_after_a_portfolio_or_relative_clause(text: str, published: str | None,
                                                       expected: tuple[str, str, str | None]) -> None:
    got = [(f.get("guest"), f.get("host"), f.get("start")) for f in facts_of(TITLE + text, "visit", published)]
    assert got == [expected]


# A visitor with no stated country: the article's other main country, or the outlet's own
UNQUALIFIED = [
    ("الرياض (واس) - وصل معالي وزير الصحة اليوم إلى العاصمة الإندونيسية جاكرتا في زيارة رسمية.\n"
     "وتبحث السعودية وإندونيسيا توسيع التعاون الصحي.", ("SA", "ID", "جاكرتا")),
    ("عمّان (بترا) - وتوقّع الجانبان ثلاث اتفاقيات خلال زيارة يقوم بها الوزير إلى بغداد.\n"
     "وتربط الأردن والعراق علاقات اقتصادية وثيقة.", ("JO", "IQ", "بغداد")),
    ("وزير الخارجية يزور المغرب لبحث العلاقات\nوأكدت موريتانيا والمغرب حرصهما على التعاون.", ("MR", "MA", None)),
]


@pytest.mark.parametrize(("text", "expected"), UNQUALIFIED)
def test_unqualified_visitor_comes_from_the_other_country(text: str, expected: tuple[str, str, str | None]) -> None:
    got = {(f.get("guest"), f.get("host"), f.get("place")) for f in facts_of(TITLE + text, "visit", "2024-05-05")}
    assert expected in got
    assert all(g != h for g, h, _ in got)


@pytest.mark.parametrize("text", [
    "وصل وزير الصحة إلى المستشفى الجديد لتفقد الخدمات.",
    "وقال الوزير إن التعاون مع الصين يتطور.",
    "وزير الخارجية الإيطالي يلتقي الوزير في روما",
    "حضر الرئيس الغيني حفل تنصيب نظيره الغاني في داكار.",
])
def test_unqualified_title_without_a_foreign_destination_is_no_visit(text: str) -> None:
    assert facts_of(TITLE + text, "visit", "2024-05-05") == []


def test_pronoun_visitor_is_the_person_named_before_from_another_country() -> None:
    text = (TITLE + "وأطلق جلالة الملك محمد السادس والرئيس الغاني المبادرة خلال الزيارة التي قام بها جلالته "
            "إلى أكرا في فبراير 2017.\nوكان سموه قد وصل إلى الدوحة أمس.")
    got = [(f.get("guest"), f.get("host"), f.get("start")) for f in facts_of(text, "visit", "2024-05-05")]
    assert got[0] == ("MA", "GH", "2017-02")


def test_honorific_pronoun_subject_of_arrival() -> None:
    text = (TITLE + "شارك صاحب السمو الشيخ تميم بن حمد آل ثاني أمير دولة قطر في أعمال القمة العربية في بغداد.\n"
            "وكان سموه قد وصل إلى بغداد أمس.")
    got = {(f.get("guest"), f.get("host")) for f in facts_of(text, "visit", "2024-05-05")}
    assert got == {("QA", "IQ")}


def test_a_visit_told_in_the_present_is_not_an_earlier_one() -> None:
    text = (TITLE + "وتأتي زيارة العمل التي يقوم بها الرئيس السنغالي إلى نواكشوط بعد زيارة الدولة التي قام بها "
            "إلى موريتانيا في مارس 2022.")
    got = [(f.get("guest"), f.get("host"), f.get("start")) for f in facts_of(text, "visit", "2024-05-05")]
    assert sorted(got, key=str) == sorted([("SN", "MR", None), ("SN", "MR", "2022-03")], key=str)


def test_a_visit_during_which_a_dated_deal_was_signed_is_kept_apart() -> None:
    text = (TITLE + "وكان رئيس الوزراء الأردني قد زار بغداد في يناير الماضي.\n"
            "ووقع البلدان أمس اتفاقية للربط الكهربائي، وذلك خلال زيارة يقوم بها وزير الطاقة الأردني إلى بغداد.")
    got = [(f.get("guest"), f.get("host"), f.get("start")) for f in facts_of(text, "visit", "2024-05-05")]
    assert sorted(got, key=str) == sorted([("JO", "IQ", None), ("JO", "IQ", "2024-01")], key=str)


PLACED = [
    ("حضر الرئيس السنغالي حفل تنصيب نظيره الغاني في أكرا.", ("SN", "GH", "أكرا")),
    ("شارك رئيس الوزراء الأردني في أعمال المنتدى الاقتصادي الذي عقد في العاصمة القطرية الدوحة.", ("JO", "QA", "الدوحة")),
    ("والتقى وزير الخارجية العماني بمدينة جدة نظيره السعودي.", ("OM", "SA", "جدة")),
]


@pytest.mark.parametrize(("text", "expected"), PLACED)
def test_attending_or_meeting_in_a_named_city(text: str, expected: tuple[str, str, str]) -> None:
    got = [(f.get("guest"), f.get("host"), f.get("place")) for f in facts_of(TITLE + text, "visit")]
    assert got == [expected]


def test_arrival_the_eve_of_a_summit_is_the_same_visit_and_starts_it() -> None:
    text = (TITLE + "شارك الرئيس المصري اليوم في أعمال القمة الأفريقية التي عقدت في أديس أبابا.\n"
            "وكان الرئيس المصري قد وصل إلى أديس أبابا أمس.")
    got = [(f.get("guest"), f.get("host"), f.get("start")) for f in facts_of(text, "visit", "2024-02-17")]
    assert got == [("EG", "ET", "2024-02-16")]


SIGNED_OR_TALKED_THERE = [
    ("ووقّع المذكرة في الدوحة وزير الصحة الكويتي ونظيره القطري.", ("KW", "QA", "الدوحة")),
    ("وقعها وزير الطاقة الأذربيجاني ونظيره التركي بمدينة إسطنبول أمس.", ("AZ", "TR", "إسطنبول")),
    ("أجرى وزير الخارجية الكويتي مباحثات في مسقط مع نظيره العماني.", ("KW", "OM", "مسقط")),
    ("وعقد الاجتماع في العاصمة الرياض، بمشاركة وزير المالية الباكستاني.", ("PK", "SA", "الرياض")),
]


@pytest.mark.parametrize(("text", "expected"), SIGNED_OR_TALKED_THERE)
def test_signing_or_talks_placed_in_a_foreign_city(text: str, expected: tuple[str, str, str]) -> None:
    got = [(f.get("guest"), f.get("host"), f.get("place")) for f in facts_of(TITLE + text, "visit")]
    assert expected in got


@pytest.mark.parametrize("text", [
    "وقع وزير الاستثمار المصري اتفاقية لإنشاء مصنع للأسمدة في الرياض.",
    "وقعت الشركة الصينية عقدا لبناء محطة في القنيطرة.",
    "وقع وزير الطاقة السعودي ونظيره العراقي مذكرة تفاهم للربط الكهربائي.",
])
def test_a_signature_without_its_place_is_no_visit(text: str) -> None:
    assert facts_of(TITLE + text, "visit") == []


def test_the_close_of_a_visit_gives_its_end() -> None:
    text = TITLE + "صدر بيان مشترك اليوم في ختام زيارة الرئيس الفرنسي إلى المغرب."
    (v,) = facts_of(text, "visit", "2024-10-30")
    assert (v.get("guest"), v.get("host"), v.get("start"), v.get("end")) == ("FR", "MA", None, "2024-10-30")


def test_his_visit_with_no_one_named_in_the_sentence_is_the_visit_told_before() -> None:
    text = (TITLE + "بدأ الرئيس الكوري الجنوبي زيارة رسمية إلى الإمارات تلبية لدعوة من الشيخ محمد بن زايد آل نهيان.\n"
            "ويرافق الرئيس في زيارته وفد رسمي يضم عددا من الوزراء.")
    got = [(f.get("guest"), f.get("host")) for f in facts_of(text, "visit")]
    assert got == [("KR", "AE")]


def test_a_long_portfolio_still_names_the_ministers_country() -> None:
    text = TITLE + "وزار وزير النفط والثروة المعدنية الليبي العاصمة الجزائرية الجزائر الأسبوع الماضي."
    got = [(f.get("guest"), f.get("host")) for f in facts_of(text, "visit", "2024-05-05")]
    assert got == [("LY", "DZ")]


def test_the_visitor_after_the_visit_word_wins_over_an_official_named_before() -> None:
    text = (TITLE + "القاهرة (أ ش أ) - بحث الوزير مع وزير البنية التحتية والتجهيز الجيبوتي التعاون، وذلك خلال زيارة يقوم "
            "بها الوزير إلى جيبوتي.\nوترتبط مصر وجيبوتي بعلاقات وثيقة.")
    got = [(f.get("guest"), f.get("host")) for f in facts_of(text, "visit", "2024-05-05")]
    assert got == [("EG", "DJ")]


def test_guests_listed_for_the_gathering_just_told_visit_its_city() -> None:
    text = (TITLE + "انطلقت اليوم في العاصمة المغربية الرباط أعمال القمة الأفريقية للطاقة.\n"
            "وشارك في القمة كل من الرئيس السنغالي ماكي سال، ورئيس الوزراء الإثيوبي آبي أحمد.")
    visits = facts_of(text, "visit", "2024-05-05")
    assert {(f.get("guest"), f.get("host")) for f in visits} == {("SN", "MA"), ("ET", "MA")}
    assert all(f.evidence.startswith("وشارك في القمة") for f in visits)  # the evidence stays in its sentence


def test_a_bare_gathering_with_no_city_told_before_is_no_visit() -> None:
    text = (TITLE + "أكد الوزير أهمية التعاون الأفريقي.\n"
            "وشارك في القمة كل من الرئيس السنغالي ماكي سال، ورئيس الوزراء الإثيوبي آبي أحمد.")
    assert facts_of(text, "visit", "2024-05-05") == []


def test_a_counterpart_names_an_official_of_the_country_after_it() -> None:
    text = TITLE + "وقعها وزير الزراعة المغربي ونظيره الموريتاني بمدينة نواكشوط في مايو الماضي."
    got = [(f.get("guest"), f.get("host")) for f in facts_of(text, "visit", "2024-08-05")]
    assert got == [("MA", "MR")]

"""Agreement facts: sentences written in the styles of other outlets, run through the real pipeline, and the
dev set scored with the contract's scorer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from alaqat.extract.agreement import same
from alaqat.model import Fact
from tests.conftest import DEV_DOCS, needs_dev
from tests.extract.helpers import dev_scores, facts_of

QA_TR = "استقبل أمير قطر الرئيس التركي في الدوحة. وتناولت المباحثات العلاقات القطرية التركية. "
JO_KZ = "وصل العاهل الأردني إلى أستانا في زيارة رسمية لكازاخستان. "


def agreements(text: str) -> list[Fact]:
    return facts_of(text, "agreement")


def one(text: str) -> dict[str, Any]:
    got = agreements(text)
    assert len(got) == 1, [f.fields for f in got]
    return got[0].fields


CASES: list[tuple[str, dict[str, Any]]] = [
    # QNA: both sides, a mixed count
    ("الدوحة - قنا: وقّع الجانبان القطري والتركي على 12 اتفاقية ومذكرة تفاهم في مجالات الطاقة والتعليم والصحة.",
     {"countries": ["QA", "TR"], "kind": "agreement", "count": 12, "status": "signed",
      "sectors": ["energy", "education", "health"], "parties": []}),
    # WAM: ministries as parties
    ("أبوظبي - وام: جرى التوقيع على مذكرة تفاهم بين وزارة الاقتصاد الإماراتية ووزارة التجارة الهندية لتعزيز "
     "التبادل التجاري.",
     {"countries": ["AE", "IN"], "kind": "mou", "count": 1, "status": "signed", "sectors": ["trade"],
      "parties": ["وزارة الاقتصاد الإماراتية", "وزارة التجارة الهندية"]}),
    # SPA: the states after بين are no parties
    ("الرياض - واس: تم خلال الزيارة التوقيع على اتفاقية لتجنب الازدواج الضريبي بين المملكة العربية السعودية "
     "وجمهورية كازاخستان.",
     {"countries": ["KZ", "SA"], "kind": "agreement", "count": 1, "parties": []}),
    # KUNA: leaders witness the signing; a number word
    ("الكويت - كونا: شهد أمير الكويت والرئيس المصري توقيع خمس اتفاقيات في مجالات النقل والاستثمار.",
     {"countries": ["EG", "KW"], "count": 5, "sectors": ["transport", "investment"], "status": "signed"}),
    # a company contract with a value; companies bring their countries
    ("أبرمت شركة أرامكو السعودية عقدا مع شركة سينوبك الصينية بقيمة 2.5 مليار دولار لتطوير مصفاة.",
     {"countries": ["CN", "SA"], "kind": "contract", "value": 2500000000, "unit": "USD",
      "parties": ["أرامكو السعودية", "سينوبك"]}),
    # Petra: the governments are the states
    ("عمّان - بترا: وقعت الحكومتان الأردنية والعراقية اتفاقية إطارية للتعاون في مجال الطاقة.",
     {"countries": ["IQ", "JO"], "kind": "agreement", "parties": [], "sectors": ["energy"]}),
    # planned: من المنتظر أن يتم التوقيع
    ("من المنتظر أن يتم التوقيع على اتفاقية للتجارة الحرة بين الإمارات وإندونيسيا خلال الزيارة.",
     {"countries": ["AE", "ID"], "status": "planned", "kind": "agreement"}),
    # planned, vague count
    ("سيتم التوقيع خلال الزيارة على عدد من مذكرات التفاهم بين قطر وكازاخستان.",
     {"countries": ["KZ", "QA"], "status": "planned", "kind": "mou", "count": None}),
    # a signed joint declaration
    ("وقع الرئيسان إعلانا مشتركا بشأن الشراكة الاستراتيجية بين كازاخستان والإمارات.",
     {"countries": ["AE", "KZ"], "kind": "declaration", "status": "signed"}),
    # Kazinform: a protocol
    ("أستانا - قازإنفورم: وقعت كازاخستان وأوزبكستان على بروتوكول تعاون في مجال الجمارك.",
     {"countries": ["KZ", "UZ"], "kind": "protocol", "count": 1}),
    # MAP: a count with a value in euros
    ("الرباط - لاماب: وقع المغرب وفرنسا 22 اتفاقية بقيمة 10 مليارات يورو.",
     {"countries": ["FR", "MA"], "count": 22, "value": 10000000000, "unit": "EUR"}),
    # Levant press: being prepared -> planned
    ("بيروت: ويجري حاليا إعداد اتفاقية للتعاون الزراعي بين لبنان وسوريا.",
     {"countries": ["LB", "SY"], "status": "planned", "sectors": ["agriculture"]}),
    # a fund and a ministry, with a value
    ("وقع صندوق قطر للتنمية اتفاقية منحة مع وزارة المالية الأردنية بقيمة 50 مليون دولار.",
     {"countries": ["JO", "QA"], "value": 50000000, "unit": "USD",
      "parties": ["صندوق قطر للتنمية", "وزارة المالية الأردنية"]}),
    # exchanged documents
    ("وفي ختام المباحثات، تبادل الجانبان السعودي والصيني 4 اتفاقيات ومذكرات تفاهم.",
     {"countries": ["CN", "SA"], "count": 4, "kind": "agreement"}),
    # a roadmap, countries from the article
    (QA_TR + "كما وقع البلدان خارطة طريق للتعاون الاقتصادي.",
     {"countries": ["QA", "TR"], "kind": "roadmap", "count": 1, "parties": []}),
    # planned with a deadline
    ("وتسعى الكويت والعراق إلى توقيع اتفاقية لترسيم الحدود البحرية بحلول نهاية 2026.",
     {"countries": ["IQ", "KW"], "status": "planned", "due": "2026"}),
    # a ministry and its counterpart named by an adjective
    ("وقعت وزارة الصحة القطرية مذكرة تفاهم مع نظيرتها الكازاخستانية.",
     {"countries": ["KZ", "QA"], "kind": "mou", "parties": ["وزارة الصحة القطرية"], "sectors": ["health"]}),
    # announced as made -> signed
    ("أعلنت تركيا وقطر عن توقيع اتفاقية للتعاون العسكري.",
     {"countries": ["QA", "TR"], "status": "signed", "sectors": ["security"]}),
    # preparing to sign
    ("تستعد سلطنة عمان والهند لتوقيع اتفاقية شراكة اقتصادية شاملة.",
     {"countries": ["IN", "OM"], "status": "planned"}),
    # a dual
    (QA_TR + "ووقّع البلدان على اتفاقيتين في مجالي الطيران المدني والنقل البحري.",
     {"countries": ["QA", "TR"], "count": 2, "sectors": ["transport"]}),
    # four states
    ("وقعت الإمارات والأردن والبحرين ومصر اتفاقية الشراكة الصناعية التكاملية.",
     {"countries": ["AE", "BH", "EG", "JO"], "sectors": ["industry"]}),
    # the subjunctive after من المقرر أن; a contract's value
    (QA_TR + "ومن المقرر أن توقع الشركتان عقدا بقيمة 300 مليون دولار.",
     {"status": "planned", "kind": "contract", "value": 300000000}),
    # chambers as parties
    ("وتم التوقيع على مذكرة تفاهم بين غرفة تجارة وصناعة قطر واتحاد الغرف التركية.",
     {"countries": ["QA", "TR"], "parties": ["غرفة تجارة وصناعة قطر", "اتحاد الغرف التركية"]}),
    # a year before the document word is a date, not a count
    (QA_TR + "وكان البلدان قد وقعا في عام 2019 اتفاقية لإلغاء التأشيرات.",
     {"count": 1, "date": "2019", "status": "signed"}),
    # a strict document word after an aside of time and place
    ("وقعت الأردن وكازاخستان، اليوم الأربعاء في عمّان، بروتوكولا للتعاون في مجال الجمارك.",
     {"countries": ["JO", "KZ"], "kind": "protocol", "count": 1, "status": "signed"}),
    # a strict document word after a long name with its acronym in brackets
    ("وقعت الهيئة العامة للطيران المدني السعودية (GACA) عقدا مع شركة إيرباص الفرنسية لشراء طائرات.",
     {"countries": ["FR", "SA"], "kind": "contract", "status": "signed"}),
    # the topic first, then the parties
    ("بغداد: وقع الجانبان مذكرة تفاهم للتعاون في مجال النقل البري بين وزارة النقل العراقية ووزارة النقل "
     "الأردنية.",
     {"countries": ["IQ", "JO"], "kind": "mou", "sectors": ["transport"],
      "parties": ["وزارة النقل العراقية", "وزارة النقل الأردنية"]}),
    # a بين after the clause is over names no party of the document
    ("وقعت الأردن والعراق مذكرة تفاهم في مجال الصحة، وذلك ضمن برنامج مشترك بين وزارة الصحة الأردنية "
     "ومنظمة الصحة العالمية.",
     {"countries": ["IQ", "JO"], "kind": "mou", "parties": []}),
    # documents recalled in passing with a dated signing
    (QA_TR + "ويأتي ذلك تنفيذا لاتفاقية التعاون الموقعة بين البلدين عام 2018.",
     {"countries": ["QA", "TR"], "kind": "agreement", "status": "signed", "date": "2018", "count": 1}),
    (QA_TR + "وتأتي الخطوة في إطار مذكرة التفاهم التي وقعتها الشركتان في الدوحة في مارس 2023.",
     {"countries": ["QA", "TR"], "kind": "mou", "status": "signed", "date": "2023-03"}),
    ("وصلت الشحنة بموجب العقد الذي وقعته وزارة التموين المصرية مع الشركة الروسية للحبوب في يناير 2024 لتوريد "
     "القمح.",
     {"countries": ["EG", "RU"], "kind": "contract", "status": "signed", "date": "2024-01",
      "parties": ["وزارة التموين المصرية", "الشركة الروسية للحبوب"]}),
    # states named only by their number: the article's main three
    ("استضافت القاهرة القمة الثلاثية المصرية الأردنية العراقية بمشاركة العاهل الأردني ورئيس الوزراء العراقي. "
     "ووقعت وزارات النقل في البلدان الثلاثة، بحضور القادة، اتفاقية للربط السككي.",
     {"countries": ["EG", "IQ", "JO"], "kind": "agreement", "sectors": ["transport"]}),
    # documents recalled with the event they were signed at
    (QA_TR + "ويرى مراقبون أن الاتفاقيات التي وقعت خلال المنتدى الاقتصادي ستدعم التبادل التجاري.",
     {"countries": ["QA", "TR"], "kind": "agreement", "status": "signed", "count": None}),
    # a list of FIELDS is one fact
    (JO_KZ + "وتم توقيع عدد من الاتفاقيات في مجالات الثقافة، البيئة، الزراعة، والإعلام.",
     {"countries": ["JO", "KZ"], "count": None, "sectors": ["culture", "environment", "agriculture", "media"]}),
    # companies agreed on a deal
    (JO_KZ + "واتفقت شركة DadVet الأردنية مع شركة KazbioPharm الكازاخستانية على تصدير اللقاحات البيطرية.",
     {"countries": ["JO", "KZ"], "parties": ["DadVet", "KazbioPharm"], "sectors": ["veterinary"]}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[str(n) for n in range(len(CASES))])
def test_golden(text: str, expected: dict[str, Any]) -> None:
    got = one(text)
    for name, value in expected.items():
        assert got.get(name) == value, (name, got)


@pytest.mark.parametrize("text", [
    "بحث الجانبان سبل تعزيز التعاون وأكدا أهمية توقيع اتفاقية للنقل الجوي بين قطر وتركيا.",
    "أصدر البلدان بيانا مشتركا في ختام الزيارة الرسمية للرئيس التركي إلى قطر.",
    "عقد الجانبان اجتماعا موسعا في الدوحة بحضور وزيري الخارجية القطري والتركي.",
    # a document recalled with no date of its signing: a reference, no fact (with a date it is one: see below)
    "ويأتي ذلك تنفيذا لاتفاقية التعاون الموقعة بين البلدين.",
    "وأكد الجانبان أهمية البناء على الاتفاقية التي وقعها البلدان.",
    QA_TR + "وانتقد الوزير الاتفاق الذي أبرمته الحكومة السابقة مع الشركة.",
    # a private deal between people, recalled with a date: no relation between states
    "وطلبت الممثلة إلغاء اتفاق لحفظ السرية أبرمته مع المحامي في أكتوبر 2016.",
    "وأكد الوزير على ضرورة تفعيل الاتفاقيات الموقعة بين البلدين.",
    "وجرى خلال اللقاء استعراض مذكرة التفاهم الموقعة بين الجانبين في مجال السياحة.",
    "كان بروتوكول الزيارة وأجواء الترحيب الحار دليلاً على مستوى الاحترام.",
    "اتفق الزعيمان على توسيع التعاون الاقتصادي.",
    "ووقع الوزيران في سجل الزوار، ثم عقدا مؤتمرا صحفيا مشتركا.",
])
def test_no_fact(text: str) -> None:
    assert agreements(text) == []


def test_two_documents_in_one_sentence() -> None:
    got = agreements("وقعت قطر وتركيا اتفاقية للتعاون في مجال الدفاع، كما وقع الجانبان مذكرة تفاهم في مجال الإعلام.")
    assert [(f.get("kind"), f.get("sectors")) for f in got] == [("agreement", ["security"]), ("mou", ["media"])]


def test_separate_counts() -> None:
    got = agreements("تم توقيع 3 مذكرات تفاهم و5 اتفاقيات بين الأردن ومصر.")
    assert [(f.get("kind"), f.get("count")) for f in got] == [("mou", 3), ("agreement", 5)]


def test_pairs_after_between() -> None:
    got = agreements(JO_KZ + "تم توقيع مذكرات تفاهم بين وزارة الزراعة الكازاخستانية ووزارة المياه الأردنية، "
                             "وبين وزارة الصحة الكازاخستانية ووزارة الصحة الأردنية.")
    assert len(got) == 2
    assert all(f.get("count") == 1 and f.get("kind") == "mou" for f in got)
    assert "وزارة المياه الأردنية" in got[0].get("parties")
    assert "وزارة الصحة الأردنية" in got[1].get("parties")


def test_kinds_of_bodies_and_dateline_credits_are_no_parties() -> None:
    (f,) = agreements("وقعت السعودية والإمارات 33 مذكرة تفاهم واتفاقية بين شركات وطنية وشركات عالمية.")
    assert f.get("parties") == [] and f.get("count") == 33
    (g,) = agreements("الرياض (CNN)-- وقعت السعودية اتفاقية مع الإمارات للتعاون الدفاعي.")
    assert g.get("parties") == [] and g.get("countries") == ["AE", "SA"]
    (h,) = agreements("عمان (رويترز) - وقع الأردن ومصر مذكرة تفاهم بين وزارة الطاقة الأردنية ووزارة البترول"
                      " المصرية.")
    assert h.get("parties") == ["وزارة الطاقة الأردنية", "وزارة البترول المصرية"]


def test_numbered_list_after_intro() -> None:
    text = (QA_TR + "كما وقع الجانبان العديد من الاتفاقيات، أبرزها:\n"
            "1. التعاون في مجال الطاقة المتجددة.\n"
            "2. تنفيذ خارطة الطريق للتعاون التجاري.\n"
            "3. البروتوكولات الصحية لصادرات الماشية.\n"
            "وأكد الجانبان عمق العلاقات.")
    got = agreements(text)
    assert [(f.get("kind"), f.get("count")) for f in got] == [("agreement", 1), ("roadmap", 1), ("protocol", None)]
    assert got[0].get("sectors") == ["renewables"]
    assert all(f.get("countries") == ["QA", "TR"] and f.get("status") == "signed" for f in got)


def test_list_of_documents_after_wathaiq() -> None:
    text = ("وصل رئيس الوزراء الأردني إلى طشقند في زيارة رسمية لأوزبكستان.\n"
            "وفي ختام المباحثات، جرى توقيع الوثائق التالية:\n"
            "١- اتفاقية بين وزارة النقل الأردنية ووزارة النقل الأوزبكية لتنظيم النقل البري.\n"
            "٢- مذكرة تفاهم في مجال السياحة.\n"
            "وأكد الجانبان أهمية المتابعة.")
    got = agreements(text)
    assert [(f.get("kind"), f.get("count")) for f in got] == [("agreement", 1), ("mou", 1)]
    assert got[0].get("parties") == ["وزارة النقل الأردنية", "وزارة النقل الأوزبكية"]
    assert all(f.get("countries") == ["JO", "UZ"] for f in got)


def test_signatories_of_a_reported_document_are_no_new_fact() -> None:
    signers = "ووقع الاتفاقية عن الجانب القطري وزير المواصلات، وعن الجانب التركي وزير النقل والبنية التحتية."
    signers2 = "ووقع الاتفاقية في أنقرة وزير المواصلات القطري ووزير النقل التركي."
    for text in ("قطر وتركيا توقعان اتفاقية للنقل البحري\n" + QA_TR + "ووقع البلدان اتفاقية للتعاون في مجال "
                 "النقل البحري.\n" + signers2,
                 "قطر وتركيا توقعان اتفاقية للنقل البحري\n" + QA_TR + "ووقع البلدان اتفاقية للتعاون في مجال "
                 "النقل البحري.\n" + signers,
                 # reported in the title only: the title's fact
                 "قطر وتركيا توقعان اتفاقية للتعاون في مجال النقل البحري\n" + QA_TR + signers):
        got = agreements(text)
        assert [(f.get("kind"), f.get("sectors")) for f in got] == [("agreement", ["transport"])], text
    # the signatories' sentence alone still reports the document
    assert len(agreements(QA_TR + "ووقع المذكرة نيابة عن الجانب القطري وزير التجارة والصناعة.")) == 1


def test_documents_named_from_a_set() -> None:
    text = ("قطر وتركيا توقعان 12 اتفاقية\n" + QA_TR + "ووقع الجانبان 12 اتفاقية ومذكرة تفاهم بين جهات حكومية "
            "وشركات من البلدين.\n"
            "وشملت الاتفاقيات مذكرة تفاهم بين غرفة قطر واتحاد الغرف التركية لتنظيم معارض تجارية، ومذكرة أخرى بين "
            "بنك قطر للتنمية وبنك التصدير والاستيراد التركي لتمويل الصادرات.\n"
            "ومن أبرز الاتفاقيات الموقعة، اتفاقية بين وزارة الصحة القطرية ووزارة الصحة التركية لتطوير المستشفيات.")
    got = agreements(text)
    assert [(f.get("kind"), f.get("count")) for f in got] == [("agreement", 12), ("mou", 1), ("mou", 1),
                                                              ("agreement", 1)]
    assert got[2].get("parties") == ["بنك قطر للتنمية", "بنك التصدير والاستيراد التركي"]
    assert got[3].get("parties") == ["وزارة الصحة القطرية", "وزارة الصحة التركية"]
    assert all(f.get("status") == "signed" and f.get("countries") == ["QA", "TR"] for f in got)
    # a set of documents still to be signed names planned documents
    got = agreements(QA_TR + "ومن أبرز الاتفاقيات المرتقبة اتفاقية بين وزارة النقل القطرية ووزارة النقل التركية.")
    assert [(f.get("kind"), f.get("status")) for f in got] == [("agreement", "planned")]


def test_the_company_refers_back() -> None:
    text = ("شركة كورية تبني مصنعا في مصر\nافتتحت شركة \"هيونداي روتم\" الكورية مصنعا في العاشر من رمضان.\n"
            "وكانت الشركة قد وقعت مع الحكومة المصرية اتفاقية لتوطين صناعة القطارات في مارس الماضي.")
    got = agreements(text)
    assert len(got) == 1 and got[0].get("parties") == ["هيونداي روتم"]
    assert got[0].get("countries") == ["EG", "KR"]
    # two companies named before: which one "the company" is stays open
    text = ("افتتحت شركة \"هيونداي روتم\" الكورية وشركة \"السويدي\" المصرية مصنعا مشتركا.\n"
            "وكانت الشركة قد وقعت مع الحكومة المصرية اتفاقية لتوطين صناعة القطارات.")
    assert [f.get("parties") for f in agreements("عنوان\n" + text)] == [[]]
    # the two companies
    text = ("أعلنت شركة \"أرامكس\" الإماراتية وشركة \"كازبوشتا\" الكازاخستانية إطلاق خدمة شحن مشتركة، في إطار مذكرة "
            "التفاهم التي وقعتها الشركتان في أستانا في مايو 2024.")
    got = agreements("عنوان\n" + text)
    assert len(got) == 1 and got[0].get("parties") == ["أرامكس", "كازبوشتا"], [f.fields for f in got]


def test_second_document_of_one_signing_keeps_to_itself() -> None:
    text = (QA_TR + "ووقع الجانبان بروتوكول الدورة الخامسة للجنة المشتركة، إلى جانب مذكرة تفاهم بين وكالتي ترويج "
            "الصادرات في البلدين.")
    got = agreements("عنوان\n" + text)
    assert [f.get("kind") for f in got] == ["protocol", "mou"]
    mou = got[1]
    assert mou.get("parties") == [] and mou.evidence.startswith("إلى جانب مذكرة تفاهم")


def test_same_deal_reached_then_listed() -> None:
    text = (JO_KZ + "تم التوصل إلى اتفاق بين سناء فارما ومجموعة إنكار الكازاخستانية لتوزيع الأدوية.\n"
            "شملت الاتفاقيات:\n"
            "- اتفاقية بين شركة Inkar وشركة SanaPharma لتوزيع المنتجات الصيدلانية.\n"
            "وتفتح هذه الاتفاقيات آفاقا جديدة.")
    got = agreements(text)
    assert len(got) == 1, [f.fields for f in got]
    assert got[0].get("sectors") == ["pharma"]


def test_same_count_twice_and_declaration() -> None:
    text = ("وتعكس الاتفاقيات الثماني عشرة التي تم توقيعها خلال الزيارة، فضلاً عن الإعلان المشترك، النية المشتركة.\n"
            "وقعت كازاخستان وتركيا 18 اتفاقية بين الدولتين وبين الإدارات، بالإضافة إلى إعلان مشترك")
    got = agreements(text)
    assert sorted((f.get("kind"), f.get("count")) for f in got) == [("agreement", 18), ("declaration", 1)]


def test_same_rules() -> None:
    def fact(**fields: Any) -> Fact:
        base = {"countries": ["QA", "TR"], "parties": [], "kind": "agreement", "status": "signed", "sectors": [],
                "count": 1}
        return Fact("agreement", base | fields, 0, 1, "x")
    assert same(fact(count=None), fact(count=18))
    assert not same(fact(count=None), fact(count=1, sectors=["energy"]))
    assert not same(fact(sectors=["energy"]), fact(sectors=["health"]))
    assert not same(fact(kind="mou"), fact())
    assert not same(fact(status="planned"), fact())
    assert same(fact(parties=["SanaPharma"]), fact(parties=["سناء فارما"]))
    assert not same(fact(parties=["A B"], sectors=["trade"]), fact(parties=["A B", "C D"], sectors=["health"]))


@needs_dev
def test_dev_set_agreements() -> None:
    agr = dev_scores()[0]["types"]["agreement"]
    assert agr["f1"] >= 0.95, agr
    assert agr["attr_acc"] >= 0.95, agr


def test_dev_docs_path_is_shared() -> None:
    assert Path(DEV_DOCS).name == "docs"

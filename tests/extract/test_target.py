"""The target extractor on sentences written in the styles of other outlets, and on the dev set."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.helpers import facts_of
from tests.extract.test_figure import DEV, SCORER, dev_summary

KEYS = ("metric", "countries", "value", "unit", "multiplier", "due")


def tgt(metric: str, countries: list[str], value: float | None = None, unit: str | None = None,
        multiplier: int | None = None, due: str | None = None) -> dict[str, Any]:
    return {"metric": metric, "countries": countries, "value": value, "unit": unit, "multiplier": multiplier,
            "due": due}


# (title naming the article's pair, sentence, publication date, expected targets)
CASES = [
    # SPA: a goal with a deadline (dates.due_of)
    ("السعودية والصين", "الرياض - واس - واتفق الجانبان على العمل لرفع حجم التبادل التجاري بين البلدين إلى 100 "
     "مليار دولار بحلول عام 2030.", "2024-02-01", [tgt("trade", ["CN", "SA"], 1e11, "USD", due="2030")]),
    # the brief's example
    ("الأردن وكازاخستان", "يسعى البلدان إلى رفع التبادل التجاري إلى 5 مليارات دولار بحلول عام 2030.", None,
     [tgt("trade", ["JO", "KZ"], 5e9, "USD", due="2030")]),
    # QNA: هدف الوصول بحجم ... إلى
    ("قطر وتركيا", "الدوحة - قنا - وأكد الزعيمان هدف الوصول بحجم التجارة الثنائية إلى 15 مليار دولار.", None,
     [tgt("trade", ["QA", "TR"], 15e9, "USD")]),
    # WAM: doubling with the level it leads to
    ("الإمارات والهند", "وتطمح الإمارات والهند إلى مضاعفة التجارة غير النفطية لتصل إلى 100 مليار دولار بحلول "
     "عام 2030.", None, [tgt("trade", ["AE", "IN"], 1e11, "USD", 2, "2030")]),
    # KUNA: doubling alone
    ("الكويت والصين", "وشدد على سعي البلدين إلى مضاعفة حجم الاستثمارات المتبادلة.", None,
     [tgt("investment", ["CN", "KW"], multiplier=2)]),
    # Petra: أن يصل ... إلى
    ("الأردن والعراق", "وأعرب الوزيران عن أملهما في أن يصل حجم التبادل التجاري بين الأردن والعراق إلى 5 مليارات "
     "دولار.", None, [tgt("trade", ["IQ", "JO"], 5e9, "USD")]),
    # MENA: a dual verb of aiming
    ("مصر وتركيا", "وقال الرئيس السيسي إن مصر وتركيا تستهدفان رفع حجم التجارة البينية إلى 15 مليار دولار.", None,
     [tgt("trade", ["EG", "TR"], 15e9, "USD")]),
    # Kazinform: three times
    ("كازاخستان وأوزبكستان", "وأكد توكاييف ضرورة زيادة حجم التجارة الثنائية ثلاثة أضعاف.", None,
     [tgt("trade", ["KZ", "UZ"], multiplier=3)]),
    # Maghreb press: from the current level to the goal, في أفق
    ("المغرب وموريتانيا", "ويسعى البلدان إلى رفع المبادلات التجارية من 300 مليون دولار حاليا إلى مليار دولار في "
     "أفق 2030.", None, [tgt("trade", ["MA", "MR"], 1e9, "USD", due="2030")]),
    # Algerian press
    ("الجزائر وتونس", "وأكد الوزيران عزم البلدين على مضاعفة حجم المبادلات التجارية.", None,
     [tgt("trade", ["DZ", "TN"], multiplier=2)]),
    # a goal for one direction of trade
    ("السعودية والعراق", "ويهدف المجلس التنسيقي إلى زيادة الصادرات السعودية إلى العراق لتبلغ 5 مليارات دولار.", None,
     [tgt("export", ["IQ", "SA"], 5e9, "USD")]),
    # the pronoun takes the measure of the clause before
    ("كازاخستان وتركيا", "ومع النمو المطرد في حجم التبادل التجاري، حدد الطرفان هدفًا طموحًا لزيادته إلى 10 مليارات "
     "دولار.", None, [tgt("trade", ["KZ", "TR"], 1e10, "USD")]),
    # a heading: the amount before its measure
    ("السعودية ومصر", "نتجه نحو 20 مليار دولار حجم التبادل التجاري", None, [tgt("trade", ["EG", "SA"], 2e10, "USD")]),
    # a goal in students, counted
    ("الأردن وروسيا", "ويسعى البلدان إلى زيادة عدد الطلاب الأردنيين في روسيا إلى 3 آلاف طالب.", None,
     [tgt("students", ["JO", "RU"], 3000, "count")]),
    # a deadline in the coming years, resolved against the publication date
    ("السعودية والهند", "وتسعى الدولتان لرفع التجارة إلى 3 مليارات دولار خلال السنوات الخمس المقبلة.", "2024-02-01",
     [tgt("trade", ["IN", "SA"], 3e9, "USD", due="2029")]),
    # بحلول نهاية العام المقبل
    ("قطر والكويت", "ويطمح الجانبان إلى رفع حجم التبادل التجاري إلى ملياري دولار بحلول نهاية العام المقبل.",
     "2024-02-01", [tgt("trade", ["KW", "QA"], 2e9, "USD", due="2025")]),
    # a second level in the same sentence: للوصول إلى, and بلوغ with the amount as its object (Maghreb في آفاق)
    ("تركيا ومصر", "واتفق الجانبان على رفع حجم التجارة إلى 15 مليار دولار بحلول عام 2026، على أن يتم العمل "
     "لاحقا للوصول إلى 20 مليار دولار.", None,
     [tgt("trade", ["EG", "TR"], 15e9, "USD", due="2026"), tgt("trade", ["EG", "TR"], 2e10, "USD")]),
    ("المغرب وموريتانيا", "ويطمح البلدان إلى بلوغ 500 مليون دولار من المبادلات التجارية في آفاق 2030.", None,
     [tgt("trade", ["MA", "MR"], 5e8, "USD", due="2030")]),
    ("الأردن والعراق", "ويعمل البلدان على بلوغ حجم التبادل التجاري نحو 3 مليارات دولار خلال السنوات المقبلة.",
     "2024-05-01", [tgt("trade", ["IQ", "JO"], 3e9, "USD")]),
    # the measure nearest the amount names it (the agreement is only the means)
    ("الإمارات وإندونيسيا", "ويسعى البلدان من خلال اتفاقية الشراكة الاقتصادية الشاملة إلى رفع حجم التجارة غير "
     "النفطية إلى 10 مليارات دولار.", None, [tgt("trade", ["AE", "ID"], 1e10, "USD")]),
    # ---- no target ----
    # one country's own goal
    ("مصر والصين", "وتستهدف مصر رفع صادراتها إلى 145 مليار دولار سنويا بحلول 2030.", None, []),
    ("تركيا وأذربيجان", "وتهدف تركيا إلى استقطاب 60 مليون سائح بحلول عام 2025.", None, []),
    ("السعودية والهند", "وتعتزم الهند رفع صادراتها من الأرز إلى 20 مليون طن سنويا.", None, []),
    # the amount of a deal the sides aim to sign
    ("مصر والصين", "ويسعى الجانبان إلى توقيع اتفاقية بقيمة 2 مليار دولار لإنشاء مصنع للسيارات.", None, []),
    # a goal without a number
    ("مصر والصين", "وتهدف الاتفاقية إلى تعزيز التعاون بين البلدين في مجال الطاقة.", None, []),
    # a rise that happened is a figure
    ("قطر والكويت", "وشهد التبادل التجاري زيادة كبيرة ليصل إلى 1.2 مليار دولار.", None, []),
    ("الصين وكازاخستان", "وازداد الشحن عبر السكة الحديد بنسبة 22% لتصل إلى 28 مليون طن.", None, []),
    ("مصر والسعودية", "وارتفعت التجارة بين البلدين إلى 10 مليارات دولار العام الماضي.", None, []),
    ("الأردن والعراق", "ويصل حجم التبادل التجاري بين الأردن والعراق إلى نحو 1.2 مليار دينار سنويا.", None, []),
    ("مصر والسعودية", "وساهمت المعارض في بلوغ الصادرات المصرية إلى السعودية 3 مليارات دولار العام الماضي.", None, []),
    # doubling something that is no measure of the relation
    ("تركيا وأمريكا", "وكان ترامب قد أعلن مضاعفة الرسوم الجمركية على واردات الصلب التركي.", None, []),
    # a phone number and a year
    ("مصر والصين", "وللاستفسار عن هدف المبادرة يرجى الاتصال على الرقم 0221234567.", None, []),
    ("مصر والصين", "ويهدف البلدان إلى تعزيز العلاقات التي أقيمت عام 1956.", None, []),
]


def _got(fact: Any) -> dict[str, Any]:
    return {k: fact.fields.get(k) for k in KEYS}


@pytest.mark.parametrize(("title", "text", "published", "expected"), CASES)
def test_targets(title: str, text: str, published: str | None, expected: list[dict[str, Any]]) -> None:
    got = [_got(f) for f in facts_of(title + "\n" + text, "target", published)]
    assert got == expected


def test_a_target_is_never_a_figure_but_the_figure_beside_it_stays() -> None:
    text = ("كازاخستان وتركيا\nومع النمو المطرد في حجم التبادل التجاري (حوالي 5 مليارات دولار أمريكي في عام 2023)، "
            "حدد الطرفان هدفًا طموحًا لزيادته إلى 15 مليار دولار أمريكي.")
    assert [(f.get("value"), f.get("period"), f.get("approx")) for f in facts_of(text, "figure")] == [
        (5e9, "2023", True)]
    assert [f.get("value") for f in facts_of(text, "target")] == [15e9]


def test_heading_and_sentence_stating_one_goal_are_one_target() -> None:
    text = ("كازاخستان وتركيا\nالبعد الاقتصادي: نتجه نحو 15 مليار دولار حجم التبادل التجاري\n"
            "وحدد الطرفان هدفًا طموحًا لزيادة حجم التبادل التجاري إلى 15 مليار دولار بحلول 2030.")
    (t,) = facts_of(text, "target")
    assert (t.get("value"), t.get("due")) == (15e9, "2030")
    assert facts_of(text, "figure") == []


@pytest.mark.skipif(not (DEV / "gold.jsonl").is_file() or not SCORER.is_file(), reason="../shared is missing")
def test_dev_set_targets() -> None:
    s = dev_summary()["target"]
    assert s["f1"] >= 0.9, s
    assert (s["attr_acc"] or 0) >= 0.9, s


def test_second_level_has_its_own_evidence() -> None:
    """Two levels in one sentence: the later one's evidence starts at its own clause, not at the first level."""
    text = ("تركيا ومصر\nواتفق الجانبان على رفع حجم التجارة إلى 15 مليار دولار بحلول عام 2026، على أن يتم العمل "
            "لاحقا على بلوغ 20 مليار دولار.")
    first, second = facts_of(text, "target")
    assert "15 مليار" in first.evidence and "15 مليار" not in second.evidence and "20 مليار" in second.evidence

"""The figure extractor on sentences written in the styles of other outlets, and on the dev set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.extract.helpers import dev_scores, facts_of

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
KEYS = ("metric", "countries", "from", "to", "value", "unit", "count", "period", "change_pct", "approx")


def fig(metric: str, countries: list[str], value: float, unit: str, **kw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {k: None for k in KEYS}
    out.update(metric=metric, countries=countries, value=value, unit=unit, approx=False)
    out.update({("from" if k == "src" else "to" if k == "dst" else k): v for k, v in kw.items()})
    return out


# (title naming the article's pair, sentence, publication date, expected figures)
CASES = [
    # QNA: a yearly trade figure, approximate
    ("قطر وتركيا", "الدوحة - قنا - بلغ حجم التبادل التجاري بين دولة قطر والجمهورية التركية نحو 2.5 مليار دولار "
     "خلال عام 2023.", "2024-05-12",
     [fig("trade", ["QA", "TR"], 2.5e9, "USD", period="2023", approx=True)]),
    # WAM: a rise with its growth rate in the next clause
    ("الإمارات والهند", "أبوظبي في 20 فبراير / وام / ارتفعت التجارة غير النفطية بين دولة الإمارات والهند إلى "
     "50.5 مليار دولار في عام 2023، بنمو نسبته 15% مقارنة بعام 2022.", "2024-02-20",
     [fig("trade", ["AE", "IN"], 50.5e9, "USD", period="2023", change_pct=15)]),
    # the brief's own example: بين البلدين -> the main pair; العام الماضي resolved by the date layer
    ("مصر والإمارات", "ارتفع حجم التبادل التجاري بين البلدين إلى 3.2 مليار دولار خلال العام الماضي، بنمو نسبته "
     "12 في المائة.", "2024-03-10",
     [fig("trade", ["AE", "EG"], 3.2e9, "USD", period="2023", change_pct=12)]),
    # SPA: investment with a direction and an open-start period
    ("السعودية والصين", "الرياض - واس - وتجاوزت قيمة الاستثمارات السعودية في الصين 3 مليارات دولار حتى نهاية "
     "عام 2023.", "2024-03-03",
     [fig("investment", ["CN", "SA"], 3e9, "USD", src="SA", dst="CN", period="../2023-12-31", approx=True)]),
    ("مصر والإمارات", "بلغت الاستثمارات الإماراتية في مصر نحو 65 مليار دولار.", None,
     [fig("investment", ["AE", "EG"], 65e9, "USD", src="AE", dst="EG", approx=True)]),
    # KUNA: companies working in the partner country
    ("الكويت ومصر", "الكويت - كونا - وأوضح أن عدد الشركات الكويتية العاملة في مصر يبلغ 1200 شركة.", None,
     [fig("companies", ["EG", "KW"], 1200, "count", src="KW", dst="EG")]),
    # Petra: exports with a rise and a bare dinar of the outlet's country
    ("الأردن والعراق", "عمان - بترا - وارتفعت الصادرات الأردنية إلى العراق خلال الأشهر العشرة الأولى من العام "
     "الماضي بنسبة 18 بالمئة لتبلغ 800 مليون دينار.", "2024-01-15",
     [fig("export", ["IQ", "JO"], 8e8, "JOD", src="JO", dst="IQ", period="2023", change_pct=18)]),
    # MENA: imports are the partner's exports; a fall is negative
    ("مصر والسعودية", "القاهرة (أ ش أ) - تراجعت واردات مصر من السعودية بنسبة 7% لتسجل 4.1 مليار دولار خلال "
     "الربع الأول من العام الجاري.", "2024-06-10",
     [fig("export", ["EG", "SA"], 4.1e9, "USD", src="SA", dst="EG", period="2024-01/2024-03", change_pct=-7)]),
    # Kazinform: a period of months
    ("كازاخستان وأوزبكستان", "أستانا. قازاق إنفورم - نما حجم التجارة بين كازاخستان وأوزبكستان في الفترة من يناير "
     "إلى مايو 2024 بنسبة 11.3% ليصل إلى 1.7 مليار دولار.", "2024-07-01",
     [fig("trade", ["KZ", "UZ"], 1.7e9, "USD", period="2024-01/2024-05", change_pct=11.3)]),
    # Maghreb press: المبادلات, سنة, ما يزيد على
    ("المغرب وإسبانيا", "الرباط - وبلغت قيمة المبادلات التجارية بين المغرب وإسبانيا ما يزيد على 21 مليار يورو "
     "سنة 2023.", "2024-03-20",
     [fig("trade", ["ES", "MA"], 21e9, "EUR", period="2023", approx=True)]),
    # Levant press: freight in tonnes with a direction, منذ مطلع العام
    ("لبنان وسوريا", "بيروت - وأشار إلى أن نحو 400 ألف طن من البضائع عبرت من لبنان إلى سوريا منذ مطلع العام.",
     "2024-08-01",
     [fig("freight", ["LB", "SY"], 4e5, "t", src="LB", dst="SY", period="2024-01/..", approx=True)]),
    # Oman News Agency: companies given with their investment value are one investment figure with a count
    ("عمان والهند", "مسقط - العمانية - وتعمل في سلطنة عمان أكثر من 6000 شركة هندية باستثمارات تتجاوز 7.5 مليار "
     "دولار.", "2024-02-01",
     [fig("investment", ["IN", "OM"], 7.5e9, "USD", src="IN", dst="OM", count=6000, approx=True)]),
    # BNA: the leaders' meetings
    ("البحرين والسعودية", "المنامة - بنا - وعقد جلالة الملك وسمو ولي العهد السعودي 5 لقاءات خلال العام الجاري.",
     "2024-09-10", [fig("meetings", ["BH", "SA"], 5, "count", period="2024")]),
    # students of one country studying in the other
    ("الأردن وروسيا", "يدرس نحو 1500 طالب أردني في الجامعات الروسية.", None,
     [fig("students", ["JO", "RU"], 1500, "count", src="JO", dst="RU", approx=True)]),
    # a share of one country's needs bought from the partner: the partner's exports, in percent
    ("السعودية وروسيا", "وتستورد المملكة العربية السعودية نحو 40% من احتياجاتها من القمح من روسيا.", None,
     [fig("export", ["RU", "SA"], 40, "percent", src="RU", dst="SA", approx=True)]),
    # a value and the comparison value, each with its own year
    ("قطر وتركيا", "وأوضح أن حجم التبادل التجاري بين قطر وتركيا بلغ 2.5 مليار دولار في عام 2023، مقارنة بـ 2.1 "
     "مليار دولار في عام 2022.", None,
     [fig("trade", ["QA", "TR"], 2.5e9, "USD", period="2023"), fig("trade", ["QA", "TR"], 2.1e9, "USD", period="2022")]),
    # exports and imports told apart in one sentence
    ("لبنان والعراق", "وتصل قيمة صادرات لبنان إلى العراق إلى 400 مليون دولار سنويا، في حين تبلغ الواردات "
     "اللبنانية من العراق 50 مليون دولار.", None,
     [fig("export", ["IQ", "LB"], 4e8, "USD", src="LB", dst="IQ"),
      fig("export", ["IQ", "LB"], 5e7, "USD", src="IQ", dst="LB")]),
    # a count of projects with their value; the companies' country carries them out in the other (from/to)
    ("السعودية ومصر", "وتنفذ الشركات السعودية في مصر 120 مشروعا بقيمة 2.3 مليار دولار.", None,
     [fig("projects", ["EG", "SA"], 2.3e9, "USD", count=120, src="SA", dst="EG")]),
    # exports by a subject to a country named after إلى, in tonnes
    ("روسيا ومصر", "وأشار إلى أن روسيا صدرت إلى مصر 8 ملايين طن من القمح خلال الموسم الماضي.", None,
     [fig("export", ["EG", "RU"], 8e6, "t", src="RU", dst="EG")]),
    # a hashtag does not hide the metric word
    ("السعودية والإمارات", "وبلغ حجم #التبادل_التجاري بين #السعودية و #الإمارات 120 مليار درهم.", None,
     [fig("trade", ["AE", "SA"], 1.2e11, "AED")]),
    # tourists of one country visiting the other: a figure of another metric
    ("تونس والجزائر", "وبلغ عدد السياح الجزائريين في تونس 3 ملايين سائح خلال 2023.", None,
     [fig("other", ["DZ", "TN"], 3e6, "count", src="DZ", dst="TN", period="2023")]),
    # students named by an indefinite accusative demonym (طالبا مغربيا): the demonym is the origin
    ("المغرب وفرنسا", "ويتابع حاليا 850 طالبا مغربيا دراستهم في الجامعات الفرنسية.", None,
     [fig("students", ["FR", "MA"], 850, "count", src="MA", dst="FR")]),
    # a measure word inside a company's name says nothing: the projects a company carries out, with a direction
    ("تركيا وليبيا", "وقال إن قيمة المشاريع التي تنفذها شركة ليماك التركية في ليبيا تتجاوز 3 مليارات دولار.", None,
     [fig("projects", ["LY", "TR"], 3e9, "USD", src="TR", dst="LY", approx=True)]),
    # a count of freight trains or trucks is a freight figure (bilateral by nature: the article's pair)
    ("الصين وكازاخستان", "وأوضحت إدارة المعبر أن عدد قطارات الشحن التي مرت عبره خلال عام 2023 بلغ 6500 قطار، بزيادة "
     "9 بالمئة.", None, [fig("freight", ["CN", "KZ"], 6500, "count", period="2023", change_pct=9)]),
    ("الأردن والعراق", "وعبرت منفذ طريبيل أكثر من 12 ألف شاحنة محملة بالبضائع الأردنية إلى العراق خلال الربع الأول.",
     None, [fig("freight", ["IQ", "JO"], 12000, "count", src="JO", dst="IQ", approx=True)]),
    # aid from one state to another; للمملكة is the article's other side
    ("اليابان ومصر", "وبلغت المساعدات اليابانية لمصر نحو 1.2 مليار دولار خلال العام الماضي.", "2024-05-01",
     [fig("other", ["EG", "JP"], 1.2e9, "USD", src="JP", dst="EG", period="2023", approx=True)]),
    ("الأردن والولايات المتحدة", "وبلغ حجم المساعدات الأمريكية للمملكة 1.45 مليار دولار في عام 2023.", None,
     [fig("other", ["JO", "US"], 1.45e9, "USD", src="US", dst="JO", period="2023")]),
    # مؤسسة is a company in Maghreb usage
    ("فرنسا والمغرب", "وتنشط في المغرب أكثر من 1300 مؤسسة فرنسية في قطاعات الصناعة والخدمات.", None,
     [fig("companies", ["FR", "MA"], 1300, "count", src="FR", dst="MA", approx=True)]),
    # a pronoun on the measure with the partner after إلى: the pronoun is the other side of the pair
    ("السعودية والهند", "وتعد المملكة أكبر مورد للأسمدة إلى الهند، إذ بلغت صادراتها إلى الهند 3 ملايين طن في عام "
     "2023.", None, [fig("export", ["IN", "SA"], 3e6, "t", src="SA", dst="IN", period="2023")]),
    # ---- no figure ----
    # one country alone: its population, its output, its total exports, its own import bill
    ("مصر والصين", "ويبلغ عدد سكان مصر 106 ملايين نسمة، فيما بلغ الناتج المحلي 400 مليار دولار.", None, []),
    ("كازاخستان والصين", "وبلغت صادرات كازاخستان الإجمالية 78 مليار دولار في عام 2023.", None, []),
    ("مصر والصين", "وتبلغ فاتورة واردات مصر من القمح 4 مليارات دولار سنويا.", None, []),
    # phone numbers and years
    ("مصر والصين", "للتواصل: هاتف 0227945612 أو فاكس 0227945613.", None, []),
    ("مصر والصين", "وتأسست العلاقات الدبلوماسية بين البلدين عام 1956.", None, []),
    # deals, loans and one company's investment belong to other fact types
    ("مصر والسعودية", "ووقع الجانبان 14 اتفاقية بقيمة 2.5 مليار دولار.", None, []),
    ("مصر والسعودية", "وأشار إلى أن البنك الأهلي منح قرضا بقيمة 500 مليون دولار لتمويل المشروع.", None, []),
    ("كازاخستان وتركيا", "ستستثمر شركة ترياكي القابضة 160 مليار تنغي في معالجة القمح والبقوليات.", None, []),
    # a goal is a target, not a figure
    ("الأردن وكازاخستان", "يسعى البلدان إلى رفع التبادل التجاري إلى 5 مليارات دولار بحلول عام 2030.", None, []),
    # companies at a forum, not present in the partner country
    ("مصر والصين", "وشاركت 40 شركة صينية في المعرض.", None, []),
    # trucks and trains without goods (a relief convoy, passenger trains); a company's valuation; taxes on imports;
    # a pronoun whose antecedent is no state of the pair (the EU's imports from Iran)
    ("سوريا وتركيا", "ودخلت 40 شاحنة محملة بالمساعدات الإنسانية إلى مدينة إدلب عبر معبر باب الهوى.", None, []),
    ("السعودية والإمارات", "وارتفعت قيمة شركة كريم إلى ملياري دولار بعد أن استثمرت فيها شركة المملكة القابضة.",
     None, []),
    ("الصين والولايات المتحدة", "وتلوح بكين بفرض ضرائب بقيمة 50 مليار دولار على وارداتها من المنتجات الأمريكية.",
     None, []),
    ("إيران والولايات المتحدة", "وبلغت صادرات دول الاتحاد الأوروبي إلى إيران 10.8 مليار يورو، بينما بلغت وارداتها "
     "من إيران نحو 10.1 مليار يورو.", None, []),
    # the pronoun is the subject's own: one country's exports
    ("السعودية والهند", "وتعتزم الهند رفع صادراتها من الأرز إلى 20 مليون طن سنويا.", None, []),
    # an amount a deal is for (لاستثمار، لتمويل after the document word), a new company's capital, a plant's power
    ("قطر وإندونيسيا", "ووقع الجانبان مذكرة تفاهم بين جهاز قطر للاستثمار ووزارة الاستثمار الإندونيسية لاستثمار 2 "
     "مليار دولار في مشاريع الطاقة.", None, []),
    ("مصر والكويت", "ووقع الجانبان اتفاقية لتمويل مشاريع في قطاع المياه بقيمة 120 مليون دولار.", None, []),
    ("السعودية ومصر", "وكان البلدان قد أسسا الشركة السعودية المصرية للاستثمار الصناعي برأسمال 1.5 مليار دولار.",
     None, []),
    ("الإمارات والمغرب", "وتنفذ الشركات الإماراتية عدة مشاريع في المغرب، ومن أبرزها محطة رياح بقدرة 500 ميغاواط.",
     None, []),
    # a rate that is not a share or a change
    ("مصر والأردن", "وتبلغ نسبة البطالة في الأردن 22%.", None, []),
]


def _got(fact: Any) -> dict[str, Any]:
    return {k: fact.fields.get(k) for k in KEYS}


@pytest.mark.parametrize(("title", "text", "published", "expected"), CASES)
def test_figures(title: str, text: str, published: str | None, expected: list[dict[str, Any]]) -> None:
    got = [_got(f) for f in facts_of(title + "\n" + text, "figure", published)]
    assert got == expected


def test_heading_and_body_are_one_figure() -> None:
    text = ("379 مليار ريال حجم التبادل التجاري بين السعودية وفرنسا\n"
            "بلغ حجم التبادل التجاري بين السعودية وفرنسا خلال عشر سنوات نحو 379.28 مليار ريال.")
    (f,) = facts_of(text, "figure")
    assert (f.get("metric"), f.get("countries"), f.get("unit")) == ("trade", ["FR", "SA"], "SAR")


def test_subset_count_is_no_figure() -> None:
    text = "كازاخستان وتركيا\nيجري تنفيذ 23 مشروعًا بقيمة 1.3 مليار دولار، منها 18 مشروعًا تم تدشينها."
    assert [(f.get("value"), f.get("count")) for f in facts_of(text, "figure")] == [(1.3e9, 23)]


def test_metric_from_the_clause_before() -> None:
    text = ("الصين وكازاخستان\nتحتل الصين مكانة رائدة من حيث الاستثمار في الاقتصاد الكازاخستاني، الذي وصل إلى "
            "24 مليار دولار.")
    (f,) = facts_of(text, "figure")
    assert (f.get("metric"), f.get("from"), f.get("to"), f.get("value")) == ("investment", "CN", "KZ", 24e9)


def test_evidence_is_grounded_and_covers_the_number() -> None:
    text = "قطر وتركيا\nفي عام 2024، بلغ حجم التبادل التجاري بين البلدين 6.3 مليون دولار، بزيادة 6.3% عن العام السابق."
    (f,) = facts_of(text, "figure")
    assert "6.3 مليون دولار" in f.evidence and f.get("period") == "2024" and f.get("change_pct") == 6.3


# ---- the dev set, scored with the contract's scorer ----

DEV = SHARED / "eval" / "dev"
SCORER = SHARED / "eval" / "score.py"


def dev_summary() -> dict[str, Any]:
    result: dict[str, Any] = dev_scores()[0]["types"]
    return result


@pytest.mark.skipif(not (DEV / "gold.jsonl").is_file() or not SCORER.is_file(), reason="../shared is missing")
def test_dev_set_figures() -> None:
    s = dev_summary()["figure"]
    assert s["f1"] >= 0.94, s
    assert (s["attr_acc"] or 0) >= 0.9, s

"""The "how much" recogniser: a table of phrases in context, round-trip properties, offset invariants."""

from __future__ import annotations

import gzip
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alaqat.arabic.normalise import Folded
from alaqat.arabic.numbers import find_amounts, parse_number, resolve_currency
from alaqat.model import Span

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl.gz"


def A(value: float, unit: str, approx: bool = False) -> dict[str, Any]:
    return {"value": value, "unit": unit, "approx": approx}


# (context, kind, exact span text, value). The dev articles' phrases come first, then sentences written
# for this table in the style of other outlets (QNA, WAM, SPA, Petra, KUNA, MENA, Kazinform, Maghreb press).
POSITIVE: list[tuple[str, str, str, Any]] = [
    # --- dev articles (short phrases)
    ("بلغ حجم التبادل التجاري بين البلدين 6.3 مليون دولار أمريكي، بزيادة", "amount",
     "6.3 مليون دولار أمريكي", A(6300000, "USD")),
    ("بلغ 6.3 مليون دولار أمريكي، بزيادة 6.3% عن العام السابق", "percent", "6.3%", 6.3),
    ("تجاوزت تدفقات الاستثمار المباشر 15.4 مليون دولار أمريكي", "amount", "15.4 مليون دولار أمريكي",
     A(15400000, "USD")),
    ("مع وجود 59 شركة برأس مال أردني", "amount", "59 شركة", A(59, "count")),
    ("الذي حضره حوالي 300 رائد أعمال ومستثمر", "amount", "300 رائد", A(300, "count", True)),
    ("شاركت حوالي 50 شركة أردنية كبرى", "amount", "50 شركة", A(50, "count", True)),
    ("زيادة حجم التبادل التجاري الثنائي إلى 500 مليون دولار", "amount", "500 مليون دولار",
     A(500000000, "USD")),
    ("عرض كازاخستان 60 نوعًا من السلع", "amount", "60 نوعًا", A(60, "count")),
    ("بقيمة 250 مليون دولار للتصدير إلى الأردن", "amount", "250 مليون دولار", A(250000000, "USD")),
    ("مشروع مشترك (70% لكازاتومبروم و30% لجومكو)", "percent", "70%", 70),
    ("مشروع مشترك (70% لكازاتومبروم و30% لجومكو)", "percent", "30%", 30),
    ("عقد رئيس كازاخستان ورئيس تركيا 14 اجتماعًا ثنائيًا", "amount", "14 اجتماعًا", A(14, "count")),
    ("حجم التبادل التجاري (حوالي 5 مليارات دولار أمريكي في عام 2023)", "amount",
     "5 مليارات دولار أمريكي", A(5000000000, "USD", True)),
    ("لتوريد 34 نوعًا من المنتجات إلى تركيا مقابل مليار دولار", "amount", "مليار دولار",
     A(1000000000, "USD")),
    ("تعمل حاليًا حوالي 4 آلاف شركة تركية في البلاد", "amount", "4 آلاف شركة", A(4000, "count", True)),
    ("ستستثمر شركة ترياكي القابضة 160 مليار تنغي في معالجة القمح", "amount", "160 مليار تنغي",
     A(160000000000, "KZT")),
    ("يجري تنفيذ 23 مشروعًا بقيمة 1.3 مليار دولار أمريكي", "amount", "1.3 مليار دولار أمريكي",
     A(1300000000, "USD")),
    ("إذ تُصدّر إليها 25% من حبوب كازاخستان، وثلث قطنها، و26% من جلوتينها", "percent", "ثلث", 33.33),
    ("إذ تُصدّر إليها 25% من حبوب كازاخستان، وثلث قطنها، و26% من جلوتينها", "percent", "26%", 26),
    ("عبر خط باكو-تبليسي-جيهان (1.4 مليون طن سنويًا)", "amount", "1.4 مليون طن", A(1400000, "t")),
    ("يدرس أكثر من 12 ألف طالب كازاخستاني في تركيا", "amount", "12 ألف طالب", A(12000, "count", True)),
    ("وتعكس الاتفاقيات الثماني عشرة بين الولايات والوزارات", "amount", "الاتفاقيات الثماني عشرة",
     A(18, "count")),
    ("وقعت كازاخستان وتركيا 18 اتفاقية بين الدولتين", "amount", "18 اتفاقية", A(18, "count")),
    ("اللجنة المشتركة التي عقدت خمس دورات متعاقبة من الاجتماعات", "amount", "خمس دورات", A(5, "count")),
    ("وقع قادة الأعمال أكثر من 40 اتفاقية بقيمة 3.7 مليار دولار", "amount", "40 اتفاقية",
     A(40, "count", True)),
    ("وقع قادة الأعمال أكثر من 40 اتفاقية بقيمة 3.7 مليار دولار", "amount", "3.7 مليار دولار",
     A(3700000000, "USD")),
    ("وتنفذ كازاخستان والصين حاليا 45 مشروعًا استثماريًا مشتركًا", "amount", "45 مشروعًا", A(45, "count")),
    ("وازداد الشحن عبر السكة الحديد بنسبة 22% لتصل إلى 28 مليون طن.", "amount", "28 مليون طن",
     A(28000000, "t")),
    ("وازداد الشحن عبر السكة الحديد بنسبة 22% لتصل إلى 28 مليون طن.", "percent", "22%", 22),
    ("وقع صندوق سامروك-كازينا السيادي للثروة على 16 اتفاقية مع شركاء صينيين", "amount", "16 اتفاقية",
     A(16, "count")),
    ("ووفقا لتوكاييف، تجاوز حجم التجارة رقما قياسيا قدره 41 مليار دولار،", "amount", "41 مليار دولار",
     A(41000000000, "USD")),
    # --- digits in other forms and separators
    ("بلغ النمو ٦٫٣٪ خلال الربع الأول", "percent", "٦٫٣٪", 6.3),
    ("ارتفع التضخم إلى 11,3% في أبريل", "percent", "11,3%", 11.3),
    ("يعمل في المنطقة 1,300 شركة أجنبية", "amount", "1,300 شركة", A(1300, "count")),
    ("صدّرت المملكة ١٬٢٥٠٬٠٠٠ طن من التمور", "amount", "١٬٢٥٠٬٠٠٠ طن", A(1250000, "t")),
    ("بلغت الصادرات ۲۵ مليون دولار", "amount", "۲۵ مليون دولار", A(25000000, "USD")),
    ("بلغت قيمة المبادلات 2,5 مليار يورو", "amount", "2,5 مليار يورو", A(2500000000, "EUR")),
    ("سجل الميزان التجاري فائضا بقيمة 1.250.000 دينار تونسي", "amount", "1.250.000 دينار تونسي",
     A(1250000, "TND")),
    ("ونما الناتج بنسبة %22 مقارنة بالعام الماضي", "percent", "%22", 22),
    ("ارتفعت الأسعار 22 بالمئة خلال عام", "percent", "22 بالمئة", 22),
    ("وتراجعت البطالة إلى 7.5 بالمائة", "percent", "7.5 بالمائة", 7.5),
    ("نمو الاقتصاد 3.2 في المئة العام المقبل", "percent", "3.2 في المئة", 3.2),
    ("بنسبة 15 في المائة على أساس سنوي", "percent", "15 في المائة", 15),
    ("زادت الصادرات خمسة في المئة", "percent", "خمسة في المئة", 5),
    # --- Gulf: QNA, WAM, SPA, KUNA
    ("وأوضحت قنا أن حجم التبادل التجاري بين البلدين بلغ 2.3 مليار ريال قطري خلال العام الماضي",
     "amount", "2.3 مليار ريال قطري", A(2300000000, "QAR")),
    ("وقعت الإمارات اتفاقيات بقيمة 50 مليار درهم إماراتي", "amount", "50 مليار درهم إماراتي",
     A(50000000000, "AED")),
    ("وذكرت وكالة الأنباء السعودية أن قيمة العقود بلغت 7 مليارات ريال سعودي", "amount",
     "7 مليارات ريال سعودي", A(7000000000, "SAR")),
    ("بتمويل قدره 120 مليون دينار كويتي من الصندوق الكويتي للتنمية", "amount", "120 مليون دينار كويتي",
     A(120000000, "KWD")),
    ("رصدت الحكومة 450 مليون ريال عماني للمشروع", "amount", "450 مليون ريال عماني", A(450000000, "OMR")),
    ("بلغت الاستثمارات 3 مليارات دينار بحريني", "amount", "3 مليارات دينار بحريني",
     A(3000000000, "BHD")),
    ("وصل عدد الزوار إلى نحو مليوني زائر", "amount", "مليوني زائر", A(2000000, "count", True)),
    ("بقيمة ملياري دولار", "amount", "ملياري دولار", A(2000000000, "USD")),
    ("وأعلن الصندوق عن منحة بقيمة مليونا دولار", "amount", "مليونا دولار", A(2000000, "USD")),
    ("ضخت الشركة 12 مليونا من الدولارات", "amount", "12 مليونا من الدولارات", A(12000000, "USD")),
    ("تنتج المصفاة 400 ألف برميل يوميا", "amount", "400 ألف برميل", A(400000, "barrel")),
    ("بطاقة إنتاجية تبلغ 2000 ميغاواط من الطاقة الشمسية", "amount", "2000 ميغاواط", A(2000, "MW")),
    ("محطة بقدرة 1.5 غيغاواط", "amount", "1.5 غيغاواط", A(1.5, "GW")),
    ("تصدير 10 مليارات متر مكعب من الغاز سنويا", "amount", "10 مليارات متر مكعب",
     A(10000000000, "m3")),
    ("استصلاح 5 آلاف هكتار من الأراضي الزراعية", "amount", "5 آلاف هكتار", A(5000, "ha")),
    ("مد خط أنابيب بطول 1200 كيلومتر", "amount", "1200 كيلومتر", A(1200, "km")),
    ("يمتد الطريق السريع 350 كم", "amount", "350 كم", A(350, "km")),
    ("ويقارب حجم الاستثمارات القطرية في تركيا 33 مليار دولار تقريبا", "amount", "33 مليار دولار",
     A(33000000000, "USD", True)),
    ("استقبلت الدولة ما يزيد على 500 ألف سائح", "amount", "500 ألف سائح", A(500000, "count", True)),
    ("وبلغ عدد المشاركين قرابة 3 آلاف مشارك", "amount", "3 آلاف مشارك", A(3000, "count", True)),
    ("يعيش زهاء 40 ألف مواطن في الخارج", "amount", "40 ألف مواطن", A(40000, "count", True)),
    ("ما يقرب من 70 مليون يورو", "amount", "70 مليون يورو", A(70000000, "EUR", True)),
    ("بلغ عدد الطلبة الكويتيين في بريطانيا 8500 طالب وطالبة", "amount", "8500 طالب", A(8500, "count")),
    ("وأفاد كونا بأن الصندوق قدم 950 قرضا لـ105 دول", "amount", "950 قرضا", A(950, "count")),
    ("وأفاد كونا بأن الصندوق قدم 950 قرضا لـ105 دول", "amount", "105 دول", A(105, "count")),
    # --- Levant: Petra, SANA, NNA
    ("وقال الوزير لبترا إن حجم التبادل بلغ 200 مليون دينار أردني", "amount", "200 مليون دينار أردني",
     A(200000000, "JOD")),
    ("بلغت قيمة المساعدات 30 مليون دينار", "amount", "30 مليون دينار", A(30000000, "DINAR")),
    ("بلغ سعر الصرف 89500 ليرة لبنانية للدولار", "amount", "89500 ليرة لبنانية", A(89500, "LBP")),
    ("رصدت الحكومة 4 تريليونات ليرة سورية", "amount", "4 تريليونات ليرة سورية",
     A(4000000000000, "SYP")),
    ("عقد الطرفان ثلاثة اجتماعات في عمّان", "amount", "ثلاثة اجتماعات", A(3, "count")),
    ("وأكد أن المملكة تستضيف أكثر من مليون ونصف المليون لاجئ", "amount", "مليون ونصف المليون لاجئ",
     A(1500000, "count", True)),
    ("ويضم الوفد عشرين رجل أعمال", "amount", "عشرين رجل", A(20, "count")),
    ("شارك في المعرض مئة وخمسون عارضا", "amount", "مئة وخمسون عارضا", A(150, "count")),
    ("بلغ عدد الحجاج ثلاثمائة وخمسة وعشرين حاجا", "amount", "ثلاثمائة وخمسة وعشرين حاجا",
     A(325, "count")),
    ("وأعلنت الوزارة تسجيل خمسة عشر مشروعا جديدا", "amount", "خمسة عشر مشروعا", A(15, "count")),
    ("وقعت الدول ثلاث عشرة مذكرة تفاهم", "amount", "ثلاث عشرة مذكرة", A(13, "count")),
    # --- Egypt: MENA, Al-Ahram
    ("وأكدت وكالة أنباء الشرق الأوسط أن الاستثمارات بلغت 12 مليار جنيه مصري", "amount",
     "12 مليار جنيه مصري", A(12000000000, "EGP")),
    ("بتكلفة 850 مليون جنيه", "amount", "850 مليون جنيه", A(850000000, "POUND")),
    ("بلغت قيمة القرض 3 مليارات جنيه إسترليني", "amount", "3 مليارات جنيه إسترليني",
     A(3000000000, "GBP")),
    ("زراعة 20 ألف فدان بالقمح", "amount", "20 ألف فدان", A(20000, "feddan")),
    ("تخطط مصر لاستيراد 12.5 مليون طن من القمح", "amount", "12.5 مليون طن", A(12500000, "t")),
    ("وحققت قناة السويس إيرادات بلغت 9.4 مليار دولار أميركي", "amount", "9.4 مليار دولار أميركي",
     A(9400000000, "USD")),
    ("وأوضح أن 36 دولة تشارك في المنتدى", "amount", "36 دولة", A(36, "count")),
    ("بين 5 و7 مليارات دولار", "amount", "7 مليارات دولار", A(7000000000, "USD")),
    ("بين 5 و7 مليارات دولار", "amount", "5", A(5000000000, "USD")),
    ("بنسبة تتراوح بين 3-5%", "percent", "3", 3),
    ("بنسبة تتراوح بين 3-5%", "percent", "5%", 5),
    ("ارتفع الرقم من 3 إلى 4 ملايين طن", "amount", "3", A(3000000, "t")),
    # --- Maghreb: MAP, APS, TAP
    ("وبلغت قيمة المبادلات التجارية 4,5 مليار درهم مغربي", "amount", "4,5 مليار درهم مغربي",
     A(4500000000, "MAD")),
    ("رصدت الجزائر 2.4 مليار دينار جزائري لهذا البرنامج", "amount", "2.4 مليار دينار جزائري",
     A(2400000000, "DZD")),
    ("ارتفعت الصادرات التونسية بنسبة 6,25 بالمائة", "percent", "6,25 بالمائة", 6.25),
    ("وبلغ عدد السياح الجزائريين أزيد من 3 ملايين سائح", "amount", "3 ملايين سائح",
     A(3000000, "count", True)),
    ("بحجم استثمارات يبلغ 50 مليون أورو", "amount", "50 مليون أورو", A(50000000, "EUR")),
    # --- Central Asia, China, Turkey: Kazinform, Xinhua, Anadolu
    ("وبلغ حجم التجارة بين كازاخستان وأوزبكستان 4.4 مليار دولار", "amount", "4.4 مليار دولار",
     A(4400000000, "USD")),
    ("وقعت الشركات الصينية 30 عقدا بقيمة 500 مليار تينغي", "amount", "500 مليار تينغي",
     A(500000000000, "KZT")),
    ("بقيمة 200 مليار يوان", "amount", "200 مليار يوان", A(200000000000, "CNY")),
    ("قرض بقيمة 5 مليارات يوان صيني", "amount", "5 مليارات يوان صيني", A(5000000000, "CNY")),
    ("بلغت الاستثمارات 1.2 تريليون روبل", "amount", "1.2 تريليون روبل", A(1200000000000, "RUB")),
    ("خصصت اليابان 300 مليار ين", "amount", "300 مليار ين", A(300000000000, "JPY")),
    ("بقيمة 75 مليار ليرة تركية", "amount", "75 مليار ليرة تركية", A(75000000000, "TRY")),
    ("تضاعف الإنتاج إلى 500 ألف طن", "amount", "500 ألف طن", A(500000, "t")),
    ("بلغت قيمة الصفقة 5.6 مليار روبية هندية", "amount", "5.6 مليار روبية هندية",
     A(5600000000, "INR")),
    ("بلغت قيمة الصفقة $5 مليارات", "amount", "$5 مليارات", A(5000000000, "USD")),
    ("بقيمة 20 مليون USD", "amount", "20 مليون USD", A(20000000, "USD")),
    ("وقعت الدولتان ستة ملايين وثلاثمائة ألف دولار", "amount", "ستة ملايين وثلاثمائة ألف دولار",
     A(6300000, "USD")),
    ("استثمارات بقيمة مليار ونصف دولار", "amount", "مليار ونصف دولار", A(1500000000, "USD")),
    ("نحو نصف مليون طالب", "amount", "نصف مليون طالب", A(500000, "count", True)),
    ("حصلت الشركة على ربع مليار دولار", "amount", "ربع مليار دولار", A(250000000, "USD")),
    ("بلغ الاحتياطي 52 مليارا و316 مليون ريال", "amount", "52 مليارا و316 مليون ريال",
     A(52316000000, "RIYAL")),
    ("حجم الاستثمارات 6 ملايين و300 ألف دولار", "amount", "6 ملايين و300 ألف دولار",
     A(6300000, "USD")),
    ("ويستحوذ على ثلثي السوق المحلية", "percent", "ثلثي", 66.67),
    ("ويمثل ربع صادرات البلاد", "percent", "ربع", 25),
    ("نصف سكانها يعيشون في المدن", "percent", "نصف", 50),
    ("خسارة ثلاثة أرباع عائدات النفط", "percent", "ثلاثة أرباع", 75),
    ("بلغت الزيادة 2 نقطة مئوية", "amount", "2 نقطة مئوية", A(2, "pp")),
    ("فازت القائمة بـ45 مقعدا", "amount", "45 مقعدا", A(45, "count")),
    ("ضم الوفد 120 شخصية", "amount", "120 شخصية", A(120, "count")),
    ("افتتح الرئيسان 3 مصانع جديدة", "amount", "3 مصانع", A(3, "count")),
    ("وذلك بحضور ما لا يقل عن 200 مستثمر", "amount", "200 مستثمر", A(200, "count", True)),
    ("مشاريع بقيمة 10 ملايين يورو تقريباً", "amount", "10 ملايين يورو", A(10000000, "EUR", True)),
    ("بلغت خمسة ملايين ونصف المليون دولار", "amount", "خمسة ملايين ونصف المليون دولار",
     A(5500000, "USD")),
    ("يدرس 6 آلاف و500 طالب في الجامعات", "amount", "6 آلاف و500 طالب", A(6500, "count")),
    ("ارتفع من 5 مليارات إلى 7 مليارات دولار", "amount", "5 مليارات", A(5000000000, "USD")),
    ("يضم المجلس 1500 عضو", "amount", "1500 عضو", A(1500, "count")),
    ("قرض بقيمة 300 مليون دولار أمريكي و200 مليون يورو", "amount", "200 مليون يورو",
     A(200000000, "EUR")),
    ("قيمتها 2.5 مليار دولار (9.4 مليار ريال)", "amount", "9.4 مليار ريال", A(9400000000, "RIYAL")),
    ("نحو 30 ألف حاوية نمطية", "amount", "30 ألف حاوية نمطية", A(30000, "TEU", True)),
    ("وصل عدد السكان إلى 10 ملايين نسمة", "amount", "10 ملايين نسمة", A(10000000, "count")),
    ("بنسبة ٢٥٪ على أساس سنوي", "percent", "٢٥٪", 25),
    ("ونما الاقتصاد 0.5 بالمئة", "percent", "0.5 بالمئة", 0.5),
    ("صادرات بـ12% من الإجمالي", "percent", "12%", 12),
    ("تبلغ قيمته 20 شيكلا", "amount", "20 شيكلا", A(20, "ILS")),
]

# (context, a substring that must not be (part of) an amount or percent span)
NEGATIVE: list[tuple[str, str]] = [
    ("في عام 2024، بلغ حجم التبادل التجاري", "2024"),
    ("ومنذ عام 2005، تجاوزت تدفقات الاستثمار", "2005"),
    ("زيارة الملك في 26 و27 أغسطس 2025 صفحة مشرقة", "26"),
    ("زيارة الملك في 26 و27 أغسطس 2025 صفحة مشرقة", "27"),
    ("زيارة الملك في 26 و27 أغسطس 2025 صفحة مشرقة", "2025"),
    ("28-08-2025 11:22 AM", "28"),
    ("28-08-2025 11:22 AM", "2025"),
    ("28-08-2025 11:22 AM", "11"),
    ("28-08-2025 11:22 AM", "22"),
    ("بمناسبة الذكرى السنوية الـ180 لميلاد آباي", "180"),
    ("مرحلة إطلاقه في النصف الثاني من عام 2026.", "النصف"),
    ("مرحلة إطلاقه في النصف الثاني من عام 2026.", "2026"),
    ("بمرور ثلاثين عاما على إقامة علاقاتهما", "ثلاثين"),
    ("خلال الثلاثين عامًا الذهبية", "الثلاثين"),
    ("على مدى السنوات الخمس الماضية", "الخمس"),
    ("نظامًا للإعفاء من التأشيرة لمدة 90 يومًا للمواطنين", "90"),
    ("زارت الوفود العربية عشرات الدول", "عشرات"),
    ("استثمرت مئات الشركات في المنطقة", "مئات"),
    ("يعمل آلاف العمال في المشروع", "آلاف"),
    ("خسرت الشركات ملايين الدولارات", "ملايين"),
    ("للاستفسار يرجى الاتصال على الرقم 0791234567", "0791234567"),
    ("هاتف: +962 6 5600000", "962"),
    ("الاجتماع عند الساعة 10:30 صباحا", "10"),
    ("في يوم 26/8/2025", "26"),
    ("قمة مجموعة العشرين", "العشرين"),
    ("لقاحات ضد كوفيد-19", "19"),
    ("طائرات F-16 الأمريكية", "16"),
    ("مؤتمر COP28 في دبي", "28"),
    ("شبكات الجيل 5G", "5"),
    ("وفق رؤية 2030 للمملكة", "2030"),
    ("استنادا إلى المادة 5 من الميثاق", "5"),
    ("احتل المنتخب المرتبة 3 عالميا", "3"),
    ("أحد أعلى وسام في المملكة", "أحد"),
    ("في الأول من يوليو عام 1993", "1993"),
    ("ولد في 1990 وتخرج", "1990"),
    ("الموافق 3 ربيع الأول 1447 هـ", "1447"),
    ("فاز الفريق 2-1 على منافسه", "2"),
    ("تعادل الفريقان 1-1 أمام الجمهور", "1"),
    ("وقال إنه لست أدري ماذا حدث", "لست"),
    ("ارتفعت كمية الواردات", "كمية"),
    ("ومن المقرر إطلاقه في يونيو 2026، بمعدل رحلتين أسبوعيًا", "2026"),
    ("قرار مجلس الأمن 2334 الصادر", "2334"),
    ("في الساعة الثالثة من بعد ظهر اليوم", "الثالثة"),
    ("يوم الاثنين المقبل", "الاثنين"),
    ("وحضر ربع النهائي", "ربع"),
    ("منذ نصف قرن", "نصف"),
    ("دور الثمانية لدوري الأبطال", "الثمانية"),
    ("يبلغ عدد سكانها 40", "40"),
    ("مثلت ثلاث مرات", "ثلاث"),
    ("خسرت عشرات الملايين من الدولارات", "الملايين"),
    ("حل في المركز الـ 18 عالميا", "18"),
    ("في 1447هـ", "1447"),
    ("عام ألفين وثمانية عشر", "ألفين"),
    ("خلال 48 ساعة", "48"),
    ("بين عامي 2020 و2025", "2025"),
    ("خلال عام ونصف وهذا", "نصف"),
    ("بلغ 226 ألفا للأسبوع المنتهي", "226"),
    ("سفكت كمية كبيرة من الدماء", "كمية"),
    ("فريق وست بروميتش ألبيون", "وست"),
]


def _find(text: str) -> list[Span]:
    return find_amounts(Folded.of(text))


@pytest.mark.parametrize(("context", "kind", "span_text", "value"), POSITIVE)
def test_phrase(context: str, kind: str, span_text: str, value: Any) -> None:
    spans = _find(context)
    got = [s for s in spans if s.kind == kind and s.text == span_text]
    assert got, f"no {kind} span {span_text!r} in {[(s.kind, s.text, s.value) for s in spans]}"
    if value is not None:
        assert got[0].value == value
        if kind == "amount":
            assert type(got[0].value["value"]) is type(value["value"])


@pytest.mark.parametrize(("context", "part"), NEGATIVE)
def test_not_an_amount(context: str, part: str) -> None:
    start = context.index(part)
    end = start + len(part)
    for s in _find(context):
        assert not (s.start < end and start < s.end), f"{s.kind} {s.text!r} {s.value} overlaps {part!r}"


def test_table_size() -> None:
    assert len(POSITIVE) + len(NEGATIVE) >= 110


# --------------------------------------------------------------------------------------------------
# parse_number and its round trip

UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
UNITS_F = ["", "", "", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع"]
TENS = ["", "", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
TENS_GEN = ["", "", "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"]
HUNDREDS = ["", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمائة", "ستمائة", "سبعمئة", "ثمانمائة", "تسعمائة"]
TEENS = {11: "أحد عشر", 12: "اثنا عشر", 13: "ثلاثة عشر", 14: "أربع عشرة", 15: "خمسة عشر",
         16: "ست عشرة", 17: "سبعة عشر", 18: "الثماني عشرة", 19: "تسعة عشر"}


def words_for(n: int, genitive: bool = False, feminine: bool = False) -> str:
    """Arabic words for 1..999 in the press's forms."""
    assert 0 < n < 1000
    h, rest = divmod(n, 100)
    parts = [HUNDREDS[h]] if h else []
    if rest:
        if rest == 10:
            r = "عشرة"
        elif rest in TEENS:
            r = TEENS[rest]
        elif rest < 10:
            r = (UNITS_F[rest] if feminine and UNITS_F[rest] else UNITS[rest])
        else:
            t, u = divmod(rest, 10)
            tens = (TENS_GEN if genitive else TENS)[t]
            r = f"{UNITS[u]} و{tens}" if u else tens
        parts.append(r)
    return " و".join(parts)


@pytest.mark.parametrize(("text", "value"), [
    ("6.3", 6.3), ("٦٫٣", 6.3), ("۶٫۳", 6.3), ("1,300", 1300), ("11,3", 11.3), ("١٬٣٠٠", 1300),
    ("1,300,000", 1300000), ("1.250.000", 1250000), ("1,250.5", 1250.5), ("ثلاثين", 30),
    ("الثلاثين", 30), ("خمس", 5), ("ستة ملايين وثلاثمائة ألف", 6300000), ("الثماني عشرة", 18),
    ("ثلاث عشرة", 13), ("خمسة وعشرون", 25), ("مئتين", 200), ("ثلاث مئة", 300), ("2.5 مليار", 2.5e9),
    ("مليار", 1e9), ("ملياري", 2e9), ("ألفين", 2000), ("12 ألف", 12000), ("4 آلاف", 4000),
    ("مليون ونصف", 1500000), ("نصف مليون", 500000), ("وعشرين", 20), ("بخمسة", 5), ("اثنين", 2),
    ("واحد", 1),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "شركة", "عشرات", "آلاف", "ملايين", "26 و27", "0791234567", "5 شركات"])
def test_parse_number_none(text: str) -> None:
    assert parse_number(text) is None


DIGITS = {"ascii": "0123456789", "arabic": "٠١٢٣٤٥٦٧٨٩", "persian": "۰۱۲۳۴۵۶۷۸۹"}


def render_digits(s: str, script: str) -> str:
    return s.translate(str.maketrans("0123456789", DIGITS[script]))


def group3(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=10**9), st.sampled_from(list(DIGITS)), st.sampled_from([",", "٬", ""]))
def test_roundtrip_integers(n: int, script: str, sep: str) -> None:
    text = render_digits(group3(n, sep) if sep else str(n), script)
    assert parse_number(text) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=99999), st.integers(min_value=1, max_value=99),
       st.sampled_from(list(DIGITS)), st.sampled_from([".", "٫", ","]))
def test_roundtrip_decimals(whole: int, frac: int, script: str, mark: str) -> None:
    frac_s = f"{frac:02d}".rstrip("0") or "0"
    text = render_digits(f"{whole}{mark}{frac_s}", script)
    assert parse_number(text) == pytest.approx(float(f"{whole}.{frac_s}"))


SCALES = [("ألف", 10**3), ("مليون", 10**6), ("مليار", 10**9), ("تريليون", 10**12)]
SCALES_PL = [("آلاف", 10**3), ("ملايين", 10**6), ("مليارات", 10**9), ("تريليونات", 10**12)]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.booleans(), st.booleans())
def test_roundtrip_words(n: int, genitive: bool, feminine: bool) -> None:
    assert parse_number(words_for(n, genitive, feminine)) == n


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(range(4)), st.booleans(),
       st.integers(min_value=0, max_value=999))
def test_roundtrip_words_with_scale(n: int, scale_i: int, words: bool, tail: int) -> None:
    word, scale = SCALES[scale_i]
    if 3 <= n <= 10:
        word = SCALES_PL[scale_i][0]
    head = words_for(n) if words else str(n)
    text = f"{head} {word}"
    value = n * scale
    if tail and scale_i > 0:
        lower, lower_scale = SCALES[scale_i - 1]
        text += f" و{words_for(tail)} {lower}"
        value += tail * lower_scale
    assert parse_number(text) == value


CURRENCIES = [("دولار", "USD"), ("دولار أمريكي", "USD"), ("يورو", "EUR"), ("تنغي", "KZT"),
              ("ريال قطري", "QAR"), ("ريال سعودي", "SAR"), ("دينار أردني", "JOD"), ("دينار كويتي", "KWD"),
              ("درهم إماراتي", "AED"), ("جنيه مصري", "EGP"), ("جنيه إسترليني", "GBP"),
              ("ليرة تركية", "TRY"), ("يوان", "CNY"), ("روبل", "RUB"), ("ين", "JPY"),
              ("دينار جزائري", "DZD"), ("دينار تونسي", "TND"), ("درهم مغربي", "MAD"), ("ريال عماني", "OMR"),
              ("دينار بحريني", "BHD"), ("ليرة لبنانية", "LBP"), ("روبية هندية", "INR")]


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from(range(4)), st.sampled_from(CURRENCIES),
       st.sampled_from(list(DIGITS)), st.booleans())
def test_roundtrip_money_in_sentence(n: int, scale_i: int, cur: tuple[str, str], script: str,
                                     approx: bool) -> None:
    word, scale = SCALES[scale_i]
    if 3 <= n <= 10:
        word = SCALES_PL[scale_i][0]
    lead = "حوالي " if approx else ""
    text = f"وبلغت قيمة الاستثمارات {lead}{render_digits(str(n), script)} {word} {cur[0]} خلال العام."
    spans = [s for s in _find(text) if s.kind == "amount"]
    assert len(spans) == 1
    assert spans[0].value == {"value": n * scale, "unit": cur[1], "approx": approx}
    assert text[spans[0].start:spans[0].end] == spans[0].text


def test_resolve_currency() -> None:
    assert resolve_currency("DINAR", "JO") == "JOD"
    assert resolve_currency("RIYAL", "QA") == "QAR"
    assert resolve_currency("POUND", "EG") == "EGP"
    assert resolve_currency("USD", "JO") == "USD"
    assert resolve_currency("DINAR", None) == "DINAR"


# --------------------------------------------------------------------------------------------------
# offsets


def _check_offsets(text: str) -> None:
    for s in find_amounts(Folded.of(text)):
        assert text[s.start:s.end] == s.text
        assert s.text and s.text == s.text.strip()
        assert s.kind in ("amount", "percent")
        if s.kind == "amount":
            assert set(s.value) == {"value", "unit", "approx"}
            assert isinstance(s.value["value"], int | float)


@pytest.mark.parametrize("context", sorted({row[0] for row in POSITIVE} | {row[0] for row in NEGATIVE}))
def test_offsets_slice_original(context: str) -> None:
    _check_offsets(context)
    # with diacritics and tatweel the folded text is shorter: offsets must still slice the original
    _check_offsets(context.replace("ا", "اً").replace("ل", "لـ"))


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/corpus is not beside the checkout")
def test_offsets_on_corpus() -> None:
    n = 0
    started = time.perf_counter()
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            _check_offsets(json.loads(line)["text"])
            n += 1
            if n >= 2000:
                break
    assert n == 2000
    assert time.perf_counter() - started < 60  # a sanity bound only; bench/ measures speed

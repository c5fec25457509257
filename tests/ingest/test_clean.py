from __future__ import annotations

import pytest

from alaqat.ingest.clean import clean, line_kind
from alaqat.ingest.readers import from_text

# Real snippets of site furniture seen in Arabic news pages, and lines that are article text.
CASES = [
    ("Advertisements", "drop"),
    ("Exit mobile version", "drop"),
    ("اترك تعليقاً", "drop"),
    ("اترك تعليقا", "drop"),
    ("لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "drop"),
    ("زر الذهاب إلى الأعلى", "drop"),
    ("العالمسياسة", "drop"),
    ("الارشيف / حال قطر", "drop"),
    ("الرئيسية » أخبار » سياسة", "drop"),
    ("عربي ودولي", "drop"),
    ("شارك", "drop"),
    ("جميع الحقوق محفوظة © 2025", "drop"),
    ("قد تقرأ أيضا", "tail"),
    ("اقرأ أيضا", "tail"),
    ("اقرأ أيضاً: وزير الخارجية يستقبل السفير", "tail"),
    ("أخبار ذات صلة", "tail"),
    ("مواضيع ذات صلة", "tail"),
    ("كازاخستان وتركيا تدخلان مرحلة جديدة من الثقة والشراكة", "body"),
    ("العالم يترقب نتائج القمة", "body"),
    ("سياسة الصين الواحدة", "body"),
    ("28-08-2025 11:22 AM", "body"),
    ("وقّعت وزارة الطاقة مذكرة تفاهم.", "body"),
]


@pytest.mark.parametrize(("line", "kind"), CASES)
def test_line_kinds(line: str, kind: str) -> None:
    assert line_kind(line) == kind


def test_body_is_a_view_and_tail_is_cut() -> None:
    text = "العالمسياسة\n\nعنوان الخبر\nنص الخبر الأول.\nAdvertisements\nنص ثان.\nقد تقرأ أيضا\nخبر آخر لا يخص المقال"
    art = clean(from_text("d", text))
    assert art.original == text  # never altered
    assert art.text == "عنوان الخبر\nنص الخبر الأول.\nنص ثان."
    for s, e in art.body:
        assert text[s:e] in art.text
    assert not art.in_body(text.index("خبر آخر"), text.index("خبر آخر") + 3)

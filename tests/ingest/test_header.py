from __future__ import annotations

import pytest

from alaqat.ingest.clean import clean
from alaqat.ingest.header import header
from alaqat.ingest.readers import from_text

LONG = "وقعت المملكة ودولة الكويت مذكرة تفاهم للتعاون في مجال الطاقة المتجددة خلال اجتماع اللجنة المشتركة " * 2

# (text, expected title, expected published)
CASES = [
    ("زيارة رسمية\n28-08-2025 11:22 AM\n" + LONG, "زيارة رسمية", "2025-08-28"),
    ("العالمسياسة\n\nعنوان الخبر هنا\nالأحد 5 مايو 2024\n" + LONG, "عنوان الخبر هنا", "2024-05-05"),
    ("عنوان\n2024/05/05\n" + LONG, "عنوان", "2024-05-05"),
    ("عنوان\nالرباط - 18 شتنبر 2024 (ومع) - " + LONG, "عنوان", "2024-09-18"),
    ("عنوان\nتونس 17 أفريل 2024 (وات) - " + LONG, "عنوان", "2024-04-17"),
    ("عنوان\nطشقند، 2024/02/14 (UzA) " + LONG, "عنوان", "2024-02-14"),
    ("عنوان\nالدوحة - سيف الحموري - في إطار العلاقات وقعت في الأول من يوليو عام 1993 " + LONG, "عنوان", None),
    ("عنوان بلا تاريخ\n" + LONG, "عنوان بلا تاريخ", None),
]


@pytest.mark.parametrize(("text", "title", "published"), CASES)
def test_title_and_publication_date(text: str, title: str, published: str | None) -> None:
    art = header(clean(from_text("d", text)))
    assert art.title == title
    assert art.published == published


def test_metadata_date_when_the_text_has_none() -> None:
    art = header(clean(from_text("d", "عنوان\n" + LONG, title="عنوان", published="2025-08-28T10:00:00")))
    assert art.published == "2025-08-28"

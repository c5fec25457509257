from __future__ import annotations

import pytest

from alaqat.extract.context import sectors_of

CASES = [
    ("في مجالات الثقافة، البيئة، المناطق الحرة، الزراعة، والإعلام",
     ["culture", "environment", "free_zones", "agriculture", "media"]),
    ("الأمن الغذائي وطاقة الرياح", ["food", "renewables"]),
    ("بورصة أستانا", ["finance"]),
    ("تطوير صادرات المنتجات", ["trade"]),
    ("الغاز الطبيعي", ["oil_gas"]),
    ("القطاعات الزراعية، الدوائية، والمالية", ["agriculture", "pharma", "finance"]),
    ("بشأن الاستخدام السلمي للطاقة النووية", ["energy", "nuclear"]),
    ("الرياح والرياضة", ["sports"]),
    ("السلام والاستقرار", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sectors(text: str, expected: list[str]) -> None:
    assert sectors_of(text) == expected

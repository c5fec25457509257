from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from alaqat.ingest.decode import decode
from alaqat.ingest.readers import read_all, read_stdin
from alaqat.model import Article, RejectedInput
from tests.conftest import DEV_DOCS, needs_dev

ARABIC = "وقعت الأردن وكازاخستان مذكرة تفاهم في عمان أمس.\nالسطر الثاني من الخبر."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256", "iso8859_6"])
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(ARABIC.encode(encoding))
    (art,) = list(read_all([str(p)]))
    assert isinstance(art, Article)
    assert art.original == ARABIC
    assert art.doc == "a"


@needs_dev
def test_windows_1256_copy_of_a_dev_article_reads_the_same(tmp_path: Path) -> None:
    src = sorted(DEV_DOCS.glob("*.txt"))[0]
    text = src.read_text(encoding="utf-8")
    copy = tmp_path / src.name
    copy.write_bytes(text.encode("cp1256", errors="strict"))
    (utf8,) = list(read_all([str(src)]))
    (cp,) = list(read_all([str(copy)]))
    assert isinstance(utf8, Article) and isinstance(cp, Article)
    assert cp.original == utf8.original


def test_png_renamed_txt_is_refused_by_name_and_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "image.txt").write_bytes(PNG)
    (tmp_path / "good.txt").write_text(ARABIC, encoding="utf-8")
    items = list(read_all([str(tmp_path)]))
    refused = [i for i in items if isinstance(i, RejectedInput)]
    stored = [i for i in items if isinstance(i, Article)]
    assert [r.source for r in refused] == [str(tmp_path / "image.txt")]
    assert "PNG" in refused[0].reason
    assert [a.doc for a in stored] == ["good"]


def test_random_binary_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(range(256)) * 8)
    (item,) = list(read_all([str(p)]))
    assert isinstance(item, RejectedInput) and item.source == str(p)


def test_jsonl_records_are_documents_named_by_id(tmp_path: Path) -> None:
    p = tmp_path / "batch.jsonl"
    recs = [{"id": "r1", "title": "عنوان الخبر", "text": ARABIC, "url": "https://x.example/1",
             "published": "2025-08-28"}, {"id": "r2", "text": "نص ثان"}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\nnot json\n", encoding="utf-8")
    items = list(read_all([str(p)]))
    arts = [i for i in items if isinstance(i, Article)]
    assert [a.doc for a in arts] == ["r1", "r2"]
    assert arts[0].original.startswith("عنوان الخبر\n")
    assert arts[0].meta_published == "2025-08-28" and arts[0].url == "https://x.example/1"
    bad = [i for i in items if isinstance(i, RejectedInput)]
    assert len(bad) == 1 and bad[0].source.endswith("batch.jsonl:3")


def test_html_main_text_only(tmp_path: Path) -> None:
    body = "".join(f"<p>{ARABIC} فقرة رقم {i} من نص المقال الطويل نسبيا.</p>" for i in range(6))
    html = (f"<html><head><title>زيارة رسمية</title></head><body><nav>الرئيسية سياسة اقتصاد</nav>"
            f"<article><h1>زيارة رسمية</h1>{body}</article><footer>جميع الحقوق محفوظة</footer></body></html>")
    p = tmp_path / "page.html"
    p.write_text(html, encoding="utf-8")
    (art,) = list(read_all([str(p)]))
    assert isinstance(art, Article)
    assert "مذكرة تفاهم" in art.original
    assert "جميع الحقوق محفوظة" not in art.original


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARABIC.encode("utf-8"))))
    (art,) = list(read_stdin())
    assert isinstance(art, Article) and art.original == ARABIC


def test_decode_refuses_undecodable_with_reason() -> None:
    with pytest.raises(RejectedInput) as e:
        decode(b"\x00\x01\x02\x03" * 50, "x.bin")
    assert e.value.source == "x.bin"


def test_missing_path_is_refused(tmp_path: Path) -> None:
    (item,) = list(read_all([str(tmp_path / "nope.txt")]))
    assert isinstance(item, RejectedInput) and "no such file" in item.reason

"""The CLI end to end, through click's runner against real SQLite files."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from alaqat.cli import main
from tests.conftest import DEV_DOCS, DEV_GOLD, SHARED, needs_dev

PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)
ARTICLE = ("توقيع اتفاقيات بين الإمارات والأردن\n12-03-2024 09:15 PM\n"
           "وقعت دولة الإمارات العربية المتحدة والمملكة الأردنية الهاشمية اليوم ثلاث اتفاقيات في مجالات الطاقة "
           "والنقل والزراعة، خلال زيارة رسمية يقوم بها ولي العهد الأردني إلى أبوظبي.\n")


def run(db: str, *args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", db, *args], input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_ingest_search_export_stats(tmp_path: Path, db_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "uae_jo.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "broken.txt").write_bytes(PNG)
    code, out, err = run(db_url, "ingest", str(folder))
    assert code == 1  # one input refused, the others stored
    assert "broken.txt" in err and "PNG" in err
    assert "stored 1" in out
    code, out, _ = run(db_url, "ingest", str(folder / "uae_jo.txt"))
    assert code == 0 and "unchanged 1" in out and "stored 0" in out
    code, out, _ = run(db_url, "search", "الامارات", "--format", "jsonl")
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and hits and {"doc", "score", "snippet", "kind", "fact"} <= set(hits[0])
    assert all(h["doc"] == "uae_jo" for h in hits)
    code, out, _ = run(db_url, "search", "اتفاقية")
    assert code == 0 and "uae_jo" in out and "[" in out
    code, out, _ = run(db_url, "export", "--format", "jsonl")
    facts = [json.loads(line) for line in out.splitlines()]
    (article,) = [f for f in facts if f["type"] == "article"]
    assert article["title"] == "توقيع اتفاقيات بين الإمارات والأردن" and article["published"] == "2024-03-12"
    for f in facts:
        assert f["evidence"] in ARTICLE
    code, out, _ = run(db_url, "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == len(facts) and rows[0]["doc"] == "uae_jo"
    out_file = tmp_path / "facts.jsonl"
    code, _, err = run(db_url, "export", "-o", str(out_file))
    assert code == 0 and out_file.read_text(encoding="utf-8").count("\n") == len(facts)
    code, out, _ = run(db_url, "stats", "--format", "json")
    assert json.loads(out)["documents"] == 1


def test_stdin_and_bad_database(tmp_path: Path, db_url: str) -> None:
    code, out, _ = run(db_url, "ingest", "-", input=ARTICLE)
    assert code == 0 and "stored 1" in out
    code, _, err = run("mysql://nowhere/db", "stats")
    assert code == 3 and "mysql://nowhere/db" in err


@needs_dev
def test_dev_articles_titles_and_dates_score_perfectly(tmp_path: Path, db_url: str) -> None:
    code, out, _ = run(db_url, "eval", "--gold", str(DEV_GOLD), "--docs", str(DEV_DOCS), "--json")
    assert code == 0
    summary = json.loads(out)
    assert summary["types"]["article"]["f1"] == 1.0
    assert summary["types"]["article"]["attr_acc"] == 1.0
    assert summary["overall"]["grounded"] == 1.0


@needs_dev
def test_dev_folder_twice_changes_nothing_and_cp1256_copy_reads_the_same(tmp_path: Path, db_url: str) -> None:
    run(db_url, "ingest", str(DEV_DOCS))
    _, first, _ = run(db_url, "export")
    code, out, _ = run(db_url, "ingest", str(DEV_DOCS))
    assert code == 0 and "stored 0" in out and "unchanged 5" in out
    _, second, _ = run(db_url, "export")
    assert first == second
    copy = tmp_path / "cp1256"
    copy.mkdir()
    src = sorted(DEV_DOCS.glob("*.txt"))[0]
    (copy / src.name).write_bytes(src.read_text(encoding="utf-8").encode("cp1256"))
    other = f"sqlite:///{tmp_path}/other.db"
    run(other, "ingest", str(copy / src.name))
    _, a, _ = run(db_url, "export")
    _, b, _ = run(other, "export")
    doc_a = [line for line in a.splitlines() if src.stem in line]
    assert doc_a == b.splitlines()


@needs_dev
def test_spans_command_prints_exact_slices(tmp_path: Path) -> None:
    src = sorted(DEV_DOCS.glob("*.txt"))[0]
    result = CliRunner().invoke(main, ["spans", str(src)], catch_exceptions=False)
    text = src.read_text(encoding="utf-8")
    spans = [json.loads(line) for line in result.stdout.splitlines()]
    assert spans and all(text[s["start"]:s["end"]] == s["text"] for s in spans)
    assert {"country", "date", "amount"} <= {s["kind"] for s in spans}


def test_spans_rejects_a_bad_published_date() -> None:
    result = CliRunner().invoke(main, ["spans", "--published", "yesterday", "-"], input="نص")
    assert result.exit_code == 2 and "--published" in result.stderr


def test_scorer_is_found_next_to_the_gold(tmp_path: Path) -> None:
    if not (SHARED / "eval" / "score.py").is_file():
        pytest.skip("../shared/eval/score.py is not beside the checkout")
    gold = tmp_path / "eval" / "gold.jsonl"
    gold.parent.mkdir()
    gold.write_text("", encoding="utf-8")
    shutil.copy(SHARED / "eval" / "score.py", tmp_path / "eval" / "score.py")
    from alaqat.evaluate import find_scorer

    assert find_scorer(gold) == tmp_path / "eval" / "score.py"

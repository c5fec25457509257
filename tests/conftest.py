from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_DOCS = SHARED / "eval" / "dev" / "docs"
DEV_GOLD = SHARED / "eval" / "dev" / "gold.jsonl"
CORPUS = SHARED / "corpus" / "articles.jsonl.gz"

needs_dev = pytest.mark.skipif(not DEV_DOCS.is_dir(), reason="../shared/eval/dev is not beside the checkout")
needs_corpus = pytest.mark.skipif(not CORPUS.is_file(), reason="../shared/corpus is not beside the checkout")


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/test.db"

"""No recogniser loses its place: on every corpus article, every span of the three families slices the
original text to exactly its ``text`` (issue 4). Runs the whole corpus (20,000 articles, ~15 s)."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from alaqat.arabic.recognise import recognise_text
from alaqat.model import SPAN_KINDS
from tests.conftest import CORPUS, needs_corpus


@pytest.mark.corpus
@needs_corpus
def test_every_span_slices_the_original_on_the_whole_corpus() -> None:
    bad: list[tuple[int, str, int, int, str]] = []
    n = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            doc = json.loads(line)
            text = doc["title"] + "\n" + doc["text"]
            # half with a publication date, half without: relative dates take both paths
            for s in recognise_text(text, dt.date(2018, 6, 1) if n % 2 else None):
                if not (0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text
                        and s.kind in SPAN_KINDS):
                    bad.append((n, s.kind, s.start, s.end, s.text))
    assert n > 0
    assert not bad, bad[:10]

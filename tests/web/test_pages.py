"""The pages, rendered in-process: Arabic first and right to left, English labels on request, clear errors,
and article text that is always escaped, never markup."""

from __future__ import annotations

import re

import pytest

from alaqat.web import knowledge
from alaqat.web.i18n import label_keys
from tests.web.conftest import TOKEN, TestClient

XSS = ("مقالة فيها شيفرة\n\n<script>window.__pwned = 1; alert(1)</script> وصل وزير الخارجية "
       '<img src=x onerror="window.__pwned = 2"> إلى عمّان <a href="javascript:window.__pwned=3">اضغط</a> '
       "<svg onload=\"window.__pwned=4\"></svg> {{ 7 * 7 }} ووقع مذكرة تفاهم مع الأردن.")

PAGES = ["/", "/?country=JO", "/pair/KZ/JO", "/pair/jo/kz", "/search?q=الأردن", "/search",
         "/article/web_kz_jo_facts", "/article/000_33736d9645476323", "/ledger", "/ledger?country=JO&status=overdue",
         "/ingest", "/entities"]


@pytest.mark.parametrize("url", PAGES)
def test_pages_are_arabic_and_rtl(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert '<html lang="ar" dir="rtl">' in r.text
    assert 'href="/static/alaqat.css"' in r.text and "http://" not in r.text.split("<main>")[0]


def test_english_switch_keeps_data(client: TestClient) -> None:
    r = client.get("/pair/KZ/JO", params={"lang": "en"})
    assert '<html lang="en" dir="ltr">' in r.text and "Timeline of visits and agreements" in r.text
    assert "Kazakhstan" in r.text and "lang=" in r.headers.get("set-cookie", "")
    article = client.get("/article/web_kz_jo_facts", params={"lang": "en"}).text
    assert "وصل الرئيس الكازاخستاني" in article  # the data stays as written
    assert "Facts in this article" in article
    client.cookies.clear()


def test_labels_have_both_languages() -> None:
    assert label_keys("ar") == label_keys("en")


def test_overview_focus_and_network(client: TestClient) -> None:
    html = client.get("/").text
    assert "<svg" in html and 'class="chart network"' in html
    focus = re.search(r'class="focus-name" data-code="([A-Z]{2})"', html)
    assert focus is not None
    jo = client.get("/?country=JO").text
    assert 'data-code="JO"' in jo and 'href="/pair/JO/KZ"' in jo


def test_pair_page_sections(client: TestClient) -> None:
    html = client.get("/pair/KZ/JO").text
    for section in ('id="timeline"', 'id="agreements"', 'id="figures"', 'id="pledges"', 'id="awards"'):
        assert section in html
    assert 'class="chart timeline"' in html and 'class="chart bars"' in html
    assert 'data-kind="target"' in html and 'data-kind="figure"' in html  # a target beside the latest figure
    assert "status-overdue" in html  # the project due 2024-06 with no later news


def test_search_page_groups_and_highlights(client: TestClient) -> None:
    html = client.get("/search", params={"q": "كازاخستان"}).text
    assert 'id="fact-results"' in html and 'id="article-results"' in html and "<mark>" in html


def test_article_page_marks_every_fact(client: TestClient) -> None:
    doc = client.get("/api/v1/documents/web_kz_jo_facts").json()
    html = client.get("/article/web_kz_jo_facts").text
    for f in doc["facts"]:
        assert f'id="fact-{f["id"]}"' in html and f'id="ev-{f["id"]}"' in html


@pytest.mark.parametrize(("url", "status"), [
    ("/pair/KZ/XX", 400), ("/pair/KZ/KZ", 400), ("/pair/Kazakhstan/JO", 400), ("/?country=ZZ", 400),
    ("/ledger?as_of=tomorrow", 400), ("/ledger?status=late", 400), ("/search?q=x&offset=-1", 400),
    ("/article/no-such-article", 404), ("/event/999999", 404), ("/entity/999999", 404), ("/event/abc", 400),
    ("/no/such/page", 404), ("/entities?kind=animal", 400),
])
def test_page_errors_are_pages(client: TestClient, url: str, status: int) -> None:
    if not knowledge.available() and url.startswith(("/event/9", "/entity/")):
        status = 503
    r = client.get(url)
    assert r.status_code == status and r.headers["content-type"].startswith("text/html")
    assert 'class="error"' in r.text


def test_event_and_entity_pages(client: TestClient) -> None:
    if not knowledge.available():
        pytest.skip("alaqat.knowledge.api has not landed in this tree")
    events = client.get("/api/v1/events", params={"pair": "KZ,JO"}).json()["items"]
    html = client.get(f"/event/{events[0]['id']}").text
    assert 'id="sources"' in html and events[0]["sources"][0]["evidence"][:20] in html
    ents = client.get("/api/v1/entities").json()["items"]
    html = client.get(f"/entity/{ents[0]['id']}").text
    assert 'id="aliases"' in html and 'id="entity-events"' in html


def test_article_text_is_escaped(writable: TestClient) -> None:
    r = writable.post("/api/v1/ingest", json={"doc": "xss", "text": XSS},
                      headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    html = writable.get("/article/xss").text
    body = html.split('id="article-text"')[1].split("</article>")[0]
    assert "<script" not in body and "<img" not in body and "<svg" not in body and "<a " not in body
    assert "&lt;script&gt;" in body and "onerror=" in body  # shown as text
    assert "{{ 7 * 7 }}" in body  # not evaluated as a template either
    search = writable.get("/search", params={"q": "شيفرة"}).text
    assert "<script>window" not in search


def test_ingest_form_without_javascript(writable: TestClient, readonly: TestClient) -> None:
    text = "وفد عماني في طهران\n\nوصل وفد عماني إلى طهران لبحث التعاون."
    refused = writable.post("/ingest", data={"token": "nope", "text": text})
    assert refused.status_code == 401 and 'id="problem"' in refused.text
    ok = writable.post("/ingest", data={"token": TOKEN, "text": text, "title": ""})
    assert ok.status_code == 200 and 'class="ok"' in ok.text
    page = readonly.get("/ingest").text
    assert "read-only" in page or "للقراءة فقط" in page
    assert readonly.post("/ingest", data={"token": TOKEN, "text": text}).status_code == 403


def test_article_segments_light_every_mention_of_a_fact() -> None:
    from alaqat.web.views import article_segments

    text = "وصل الرئيس إلى عمان. وقال إن زيارة الرئيس إلى الأردن مهمة. ثم غادر."
    first, again = text.index("وصل"), text.index("زيارة")
    fact = {"id": 7, "evidence_start": first, "evidence_end": first + 19,
            "mentions": [{"evidence_start": again, "evidence_end": again + 24}]}
    segs = article_segments(text, [(0, len(text))], [fact])
    lit = [s.text for s in segs if 7 in s.facts]
    assert lit == [text[first:first + 19], text[again:again + 24]]
    assert [s.first_of for s in segs if s.first_of] == [[7]]  # one anchor, at the first place

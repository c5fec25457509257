"""The pages in a real Chromium (Debian's, driven by Playwright) against a real uvicorn on 127.0.0.1.

Screenshots of every page land in artifacts/screenshots/ for a person to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.web.conftest import TOKEN, shot
from tests.web.test_pages import XSS

pytestmark = pytest.mark.browser


def no_overflow(page: Any) -> None:
    """Nothing wider than the window: no horizontal scroll bar on the page."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("window.innerWidth"), f"page is {width}px wide"


def open_page(page: Any, url: str, name: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    no_overflow(page)
    shot(page, name)
    assert page.js_errors == []


@pytest.mark.parametrize(("path", "name"), [
    ("/", "overview"), ("/pair/KZ/JO", "pair_KZ_JO"), ("/search?q=الاردن", "search"),
    ("/article/000_33736d9645476323", "article"), ("/ledger", "ledger"), ("/ingest", "ingest"),
    ("/entities", "entities"),
])
def test_each_page(server: str, page: Any, path: str, name: str) -> None:
    open_page(page, server + path, name)


def test_event_and_entity_pages(server: str, page: Any) -> None:
    events = httpx.get(f"{server}/api/v1/events", params={"pair": "KZ,JO"})
    if events.status_code == 503:
        pytest.skip("alaqat.knowledge.api has not landed in this tree")
    event = events.json()["items"][0]
    open_page(page, f"{server}/event/{event['id']}", "event")
    assert page.locator("#sources li").count() == len(event["sources"])
    entity = httpx.get(f"{server}/api/v1/entities").json()["items"][0]
    open_page(page, f"{server}/entity/{entity['id']}", "entity")
    assert page.locator("#aliases li").count() >= 1


def test_english_switch(server: str, page: Any) -> None:
    page.goto(server + "/pair/KZ/JO")
    page.click("#lang-switch")
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.dir") == "ltr"
    assert "Timeline" in page.inner_text("#timeline h2")
    no_overflow(page)
    shot(page, "pair_KZ_JO_en")
    page.goto(server + "/?lang=ar")  # back to Arabic for the other tests sharing nothing but the server


def test_search_in_arabic(server: str, page: Any) -> None:
    page.goto(server + "/")
    box = page.locator("header input[name=q]")
    box.fill("كازاخستانية")  # an adjective with its ending: folding and light stemming find the country
    box.press("Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("#fact-results .hit").count() > 0
    assert page.locator("#article-results .hit").count() > 0
    marks = page.locator(".snippet mark")
    assert marks.count() > 0 and "كازاخستان" in marks.first.inner_text()
    no_overflow(page)
    shot(page, "search_results")
    page.locator("#fact-results .hit a.title").first.click()  # from a fact to its evidence in the article
    page.wait_for_url("**/article/**")
    active = page.locator("mark.ev.active")
    assert active.count() > 0


def test_fact_to_evidence_and_back(server: str, page: Any) -> None:
    page.goto(server + "/article/web_kz_jo_facts")
    cards = page.locator(".fact-card")
    assert cards.count() >= 5
    card = page.locator(".fact-card.type-figure")
    fact_id = card.get_attribute("data-fact")
    card.locator("a.show").click()
    marks = page.locator("mark.ev.active")
    assert marks.count() >= 1
    assert "60 مليون دولار" in " ".join(marks.all_inner_texts())
    assert page.evaluate("location.hash") == f"#ev-{fact_id}"
    first = marks.first
    box = first.bounding_box()
    assert box is not None and 0 <= box["y"] <= page.viewport_size["height"]
    shot(page, "article_fact_to_evidence")
    # and back: click the visit's highlighted words, the visit's card lights up
    visit_id = page.locator(".fact-card.type-visit").get_attribute("data-fact")
    page.locator(f"mark.ev[data-facts~='{visit_id}']").first.click()
    assert page.locator(f"#fact-{visit_id}.active").count() == 1
    shot(page, "article_evidence_to_fact")


def test_upload_with_token_and_refused_without(server: str, page: Any, tmp_path: Path) -> None:
    article = tmp_path / "browser_om_ir.txt"
    article.write_text("وزير الخارجية العماني في طهران\n\nوصل وزير الخارجية العماني بدر البوسعيدي إلى طهران "
                       "في زيارة رسمية لإيران، ووقع البلدان مذكرة تفاهم في مجال النقل البحري.", "utf-8")
    page.goto(server + "/ingest")
    page.fill("#token", "not-the-token")
    page.set_input_files("#files", str(article))
    page.click("#ingest-submit")
    page.wait_for_selector("#ingest-form[data-done='1']")
    refused = page.locator("#ingest-log li.refused")
    assert refused.count() == 1 and "401" in refused.inner_text()
    shot(page, "ingest_refused")
    assert httpx.get(f"{server}/api/v1/documents/browser_om_ir").status_code == 404

    page.goto(server + "/ingest")
    page.fill("#token", TOKEN)
    page.set_input_files("#files", str(article))
    page.fill("#title", "نص ملصوق")
    page.fill("#text", "نص ملصوق قصير عن زيارة وفد قطري إلى أنقرة.")
    page.click("#ingest-submit")
    page.wait_for_selector("#ingest-form[data-done='1']")
    assert page.locator("#ingest-log li.ok").count() == 2
    assert page.evaluate("document.getElementById('ingest-progress').value") == 2
    no_overflow(page)
    shot(page, "ingest_done")
    assert httpx.get(f"{server}/api/v1/documents/browser_om_ir").status_code == 200


def test_article_with_markup_runs_nothing(server: str, page: Any) -> None:
    r = httpx.post(f"{server}/api/v1/ingest", json={"doc": "browser-xss", "text": XSS},
                   headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/article/browser-xss")
    page.wait_for_load_state("load")
    text = page.locator("#article-text")
    assert "<script>" in text.inner_text() and 'onerror="window.__pwned = 2"' in text.inner_text()
    assert text.locator("script, img, svg, a, iframe").count() == 0
    for a in page.locator("a").all():
        assert not (a.get_attribute("href") or "").lower().startswith("javascript:")
    page.locator("#article-text").click()
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []
    page.goto(server + "/search?q=شيفرة")
    assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []
    shot(page, "article_markup_is_text")

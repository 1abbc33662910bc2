"""Search: nothing is fetched for it until someone types; then Swedish results appear."""

from __future__ import annotations


def test_search_finds_a_post_and_fetches_the_index_only_after_typing(browser, example_url):
    page = browser.new_page(viewport={"width": 360, "height": 640})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(example_url + "sok/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requests if "/pagefind/" in url], "the index loads before anyone searches"

    page.fill("#sl-search-input", "kurator")
    results = page.locator("[data-search-results] li a")
    results.first.wait_for(timeout=15_000)
    assert any("/inlagg/" in (link.get_attribute("href") or "") for link in results.all())
    assert "träff" in page.locator("[data-search-status]").inner_text()
    assert [url for url in requests if "/pagefind/" in url]
    page.close()


def test_no_page_type_fetches_the_search_index_on_load(browser, example_url):
    """Issue 7: search costs a page load nothing, on every kind of page (home, post, list,
    directory, situation, service, akut, about, poster; the search page itself above):
    none of them fetches anything of search at all."""
    page = browser.new_page(viewport={"width": 360, "height": 640})
    fetched: dict[str, list[str]] = {}
    loading = [""]  # the page being loaded
    page.on("request", lambda request: fetched[loading[0]].append(request.url))
    for path in ("", "inlagg/vart-vander-jag-mig/", "inlagg/", "stod/", "stod/hemma/", "stod/tjanst/bris/",
                 "akut/", "om/", "affisch/inlagg/vart-vander-jag-mig/"):
        loading[0] = path
        fetched[path] = []
        response = page.goto(example_url + path)
        assert response and response.ok, path
        page.wait_for_load_state("networkidle")
    page.close()
    searching = {path: [url for url in urls if "pagefind" in url or "search" in url] for path, urls in fetched.items()}
    assert {path: urls for path, urls in searching.items() if urls} == {}

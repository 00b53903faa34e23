// Issue #3, check 4: pagination: Next/Previous, aria-current, the page in the URL, other hits on
// each page, shared links to a page, and a new query going back to page 1.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { eventually } from "../lib/wait.mjs";
import { apiSearch, readHits, searchFor, sel, stateUrl, urlState, whenSearched } from "../lib/dateline.mjs";

const QUERY = "fraud";
const pageOf = (page) => urlState(page).page ?? "1";

async function assertShowsPage(page, number, expectedTitles) {
  await eventually(async () => {
    assert.deepEqual((await readHits(page)).map((h) => h.title), expectedTitles, `hits of page ${number}`);
    assert.equal((await page.locator(sel.current).textContent())?.trim(), String(number), "aria-current page");
  });
}

export default async function pager({ browser, main }) {
  const [one, two, three] = await Promise.all([1, 2, 3].map((n) => apiSearch(main.url, { q: QUERY, page: n })));
  const titles = [one, two, three].map((answer) => answer.hits.map((h) => h.title));
  const page = await newPage(browser);
  try {
    await whenSearched(page, page, () => page.goto(stateUrl(main.url, { q: QUERY })));

    await check("pager: page 1 has a labelled nav, aria-current on 1, Next but no Previous", async () => {
      await assertShowsPage(page, 1, titles[0]);
      assert.equal(await page.locator(sel.pager).getAttribute("aria-label"), "Result pages");
      assert.equal(await page.locator(sel.prev).count(), 0, "Previous on page 1");
      const next = page.locator(sel.next);
      assert.equal(new URL(await next.getAttribute("href"), page.url()).searchParams.get("page"), "2", "Next href");
    });

    await check("pager: Next shows page 2 (page=2 in the URL, other hits than page 1, aria-current 2)", async () => {
      await whenSearched(page, page, () => page.locator(sel.next).click());
      assert.deepEqual(urlState(page), { q: QUERY, page: "2" });
      await assertShowsPage(page, 2, titles[1]);
      const overlap = titles[1].filter((t) => titles[0].includes(t));
      assert.deepEqual(overlap, [], "hits on both pages");
      assert.equal(await page.locator(sel.prev).count(), 1, "Previous on page 2");
    });

    await check("pager: Previous returns to page 1 and its hits", async () => {
      await whenSearched(page, page, () => page.locator(sel.prev).click());
      assert.equal(pageOf(page), "1", page.url());
      await assertShowsPage(page, 1, titles[0]);
    });

    await check("pager: Back/Forward move between pages 2 and 1", async () => {
      await page.goBack();
      await eventually(async () => assert.equal(pageOf(page), "2"));
      await assertShowsPage(page, 2, titles[1]);
      await page.goForward();
      await eventually(async () => assert.equal(pageOf(page), "1"));
      await assertShowsPage(page, 1, titles[0]);
    });

    await check("pager: a shared link with page=3 opens page 3; a new query goes back to page 1", async () => {
      await whenSearched(page, page, () => page.goto(stateUrl(main.url, { q: QUERY, page: 3 })));
      await assertShowsPage(page, 3, titles[2]);
      await searchFor(page, page, "tax fraud");
      assert.deepEqual(urlState(page), { q: "tax fraud" });
      await eventually(async () => assert.equal((await page.locator(sel.current).textContent())?.trim(), "1"));
    });
  } finally {
    await page.context().close();
  }
}

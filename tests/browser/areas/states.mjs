// The states around the results: the intro, loading, no results (with "Clear filters"),
// did-you-mean, errors from the server (its 400 message; a generic one for 5xx), and fields that
// must stay text. Canned answers come from route interception, still without any network.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { eventually } from "../lib/wait.mjs";
import { readHits, searchFor, sel, stateUrl, statusText, urlState, whenSearched } from "../lib/dateline.mjs";

const DOJ = "U.S. Department of Justice, Office of Public Affairs";
const SLOW_MS = 1000;

const cannedHit = {
  id: "probe-1", title: "<img src=x onerror=\"window.__dlxss=1\"> A & B", title_html: "&lt;img src=x&gt; A &amp; B",
  date: "2024-03-04T09:15:00", source: "<b>Issuer</b>", place: "<i>Place</i>", lang: "en",
  url: "javascript:window.__dlxss=3", score: 1, duplicates: 0, snippet_html: "a &lt;b&gt; <mark>probe</mark>",
};
const answer = (q, hits) => ({
  query: q, interpreted_as: "full", total: hits.length, total_is_estimate: false, page: 1, size: 10,
  took_ms: 1, suggestion: null, hits, facets: { source: [], lang: [], month: [] },
});
const CANNED = new Map([
  ["slow-probe", { status: 200, delay: SLOW_MS, body: answer("slow-probe", [cannedHit]) }],
  ["markup-probe", { status: 200, body: answer("markup-probe", [cannedHit]) }],
  ["unavailable-probe", { status: 503, body: { error: { code: "unavailable", message: "database is gone" } } }],
]);

async function cannedRoutes(page) {
  await page.route((url) => url.pathname.endsWith("/api/search") && CANNED.has(url.searchParams.get("q")), async (route) => {
    const canned = CANNED.get(new URL(route.request().url()).searchParams.get("q"));
    if (canned.delay) await new Promise((resolve) => setTimeout(resolve, canned.delay));
    await route.fulfill({ status: canned.status, contentType: "application/json", body: JSON.stringify(canned.body) })
      .catch(() => {}); // the page may have aborted it
  });
}

export default async function states({ browser, main }) {
  const page = await newPage(browser);
  const searches = [];
  page.on("request", (req) => { if (req.url().includes("/api/search")) searches.push(req.url()); });
  try {
    await cannedRoutes(page);

    await check("states: the intro shows before any search, and no API call is made", async () => {
      await page.goto(main.url, { waitUntil: "load" });
      await page.locator(sel.intro).waitFor({ state: "visible" });
      assert.equal(await page.locator(sel.hit).count(), 0);
      assert.deepEqual(searches, []);
    });

    await check(`states: while an answer takes ${SLOW_MS} ms: .is-busy, "Searching…" announced, .dateline__loading shown`, async () => {
      await page.locator(sel.input).fill("slow-probe");
      await page.locator(sel.input).press("Enter");
      await page.locator(`${sel.root}.is-busy`).waitFor({ state: "attached" });
      await page.locator(".dateline__loading").waitFor({ state: "visible" });
      await eventually(async () => assert.match(await statusText(page), /Searching/), SLOW_MS / 2);
      await page.locator(sel.idle).waitFor({ state: "attached" });
      await eventually(async () => assert.equal(await page.locator(".dateline__loading").isVisible(), false));
      assert.equal((await readHits(page)).length, 1);
    });

    await check("states: markup in title, issuer and place stays text; a javascript: URL is not linked", async () => {
      await searchFor(page, page, "markup-probe");
      await eventually(async () => assert.equal((await readHits(page))[0]?.source, "<b>Issuer</b>"));
      const [hit] = await readHits(page);
      assert.equal(hit.title, "<img src=x> A & B");
      assert.equal(hit.place, "<i>Place</i>");
      assert.equal(hit.link, null, "javascript: URL linked");
      const tags = await page.locator(sel.results).evaluate((ol) => [...ol.querySelectorAll("img, b, i, script")].length);
      assert.equal(tags, 0, "elements from the fields' markup");
      assert.deepEqual(hit.marks, ["probe"]);
      assert.equal(await page.evaluate(() => window.__dlxss), undefined);
    });

    await check("states: a 5xx answer shows the generic unavailable message, not the server's detail", async () => {
      await searchFor(page, page, "unavailable-probe");
      const message = page.locator(sel.errorMessage);
      await message.waitFor({ state: "visible" });
      const text = (await message.textContent()) ?? "";
      assert.match(text, /unavailable/i);
      assert.doesNotMatch(text, /database is gone/);
    });

    await check("states: a 400 (query over 1024 bytes) shows the server's own message", async () => {
      const long = "fraud ".repeat(300).trim();
      const direct = await fetch(new URL(`api/search?q=${encodeURIComponent(long)}`, main.url));
      assert.equal(direct.status, 400);
      const expected = (await direct.json()).error.message;
      await page.goto(stateUrl(main.url, { q: long }));
      const message = page.locator(sel.errorMessage);
      await message.waitFor({ state: "visible" });
      // The page may capitalise the message's first letter.
      const shown = (await message.textContent()) ?? "";
      assert.ok(shown.toLowerCase().includes(expected.toLowerCase()), `shown: ${shown}\n    expected: ${expected}`);
    });

    await check('states: no results for "frud": did-you-mean links to "fraud", which then searches', async () => {
      await whenSearched(page, page, () => page.goto(stateUrl(main.url, { q: "frud" })));
      await page.locator(sel.emptyMessage).waitFor({ state: "visible" });
      const link = page.locator("p.dateline__suggestion a.dateline__suggestion-link");
      assert.equal((await link.textContent())?.trim(), "fraud");
      await whenSearched(page, page, () => link.click());
      assert.deepEqual(urlState(page), { q: "fraud" });
      await eventually(async () => assert.equal((await readHits(page)).length, 10));
    });

    await check("states: no results with a filter set offers Clear filters, which keeps the words", async () => {
      await whenSearched(page, page, () => page.goto(stateUrl(main.url, { q: "zzzqqxnotaword", source: DOJ })));
      const empty = page.locator(sel.emptyMessage);
      await empty.waitFor({ state: "visible" });
      assert.match(((await empty.textContent()) ?? "").replace(/\s+/g, " "), /fewer words|spelling/i);
      await empty.locator("button.dateline__clear-filters").click();
      await eventually(async () => assert.deepEqual(urlState(page), { q: "zzzqqxnotaword" }));
    });
  } finally {
    await page.context().close();
  }
}

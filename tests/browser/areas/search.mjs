// Issue #3, check 1: a phrase search with highlighting, the announced count, the state in the
// URL, and Back/Forward restoring it; plus sorting by date.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { countPhrase } from "../lib/fixtures.mjs";
import { check } from "../lib/report.mjs";
import { eventually } from "../lib/wait.mjs";
import { apiSearch, countIn, readHits, searchFor, sel, statusText, urlState, whenSearched } from "../lib/dateline.mjs";

const PHRASE = '"health care fraud"';
const OTHER = "antitrust";

const marksOf = (html) => [...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);

export default async function search({ browser, main, releases }) {
  const page = await newPage(browser);
  try {
    await page.goto(main.url);
    const expected = await apiSearch(main.url, { q: PHRASE });
    assert.ok(expected.total > 10, `the sample should have more than one page for ${PHRASE}`);
    const firstTitles = expected.hits.map((h) => h.title);

    await check(`search: ${PHRASE} with Enter lists hits, announces the count, puts q in the URL`, async () => {
      const { request, answer } = await searchFor(page, page, PHRASE);
      assert.ok(request, "the page sent no search request");
      assert.equal(request.searchParams.get("q"), PHRASE, `API request ${request}`);
      await eventually(async () => {
        const hits = await readHits(page);
        assert.equal(hits.length, 10, "hits listed");
        assert.deepEqual(hits.map((h) => h.title), firstTitles);
      });
      // The count is the one of the answer the page got (with facets the total is exact), and
      // the number of releases in the input files that hold the phrase.
      expected.total = answer.total;
      assert.equal(answer.total, countPhrase(releases, ["health", "care", "fraud"]), "API total vs input files");
      const status = page.locator(sel.status);
      assert.equal(await status.getAttribute("role"), "status");
      assert.equal(await status.getAttribute("aria-live"), "polite");
      await eventually(async () => assert.equal(countIn(await statusText(page)), expected.total,
        `status "${await statusText(page)}" vs API total ${expected.total}`));
      assert.deepEqual(urlState(page), { q: PHRASE });
      assert.equal(await page.locator(sel.input).inputValue(), PHRASE);
    });

    await check("search: snippets show the API's <mark>s (the phrase's words), nothing else marked up", async () => {
      const hits = await readHits(page);
      assert.equal(hits.length, expected.hits.length, "hits listed");
      const all = hits.flatMap((h) => h.marks);
      assert.ok(all.length >= hits.length, `only ${all.length} marks in ${hits.length} snippets`);
      for (const text of all) assert.match(text, /^(health|care|fraud|health care fraud)$/i, `marked "${text}"`);
      hits.forEach((hit, i) => assert.deepEqual(hit.marks, marksOf(expected.hits[i].snippet_html), `marks of hit ${i + 1}`));
      const tags = await page.locator(`${sel.hit} p.dateline__hit-snippet *`).evaluateAll((els) => els.map((e) => e.tagName));
      assert.ok(tags.every((t) => t === "MARK"), `snippet elements: ${[...new Set(tags)].join(", ")}`);
    });

    await check("search: hit meta: <time datetime>, readable date, issuer; title links to the original", async () => {
      const hits = await readHits(page);
      assert.equal(hits.length, expected.hits.length, "hits listed");
      hits.forEach((hit, i) => {
        const api = expected.hits[i];
        assert.equal(hit.datetime.slice(0, 10), api.date.slice(0, 10), `datetime of hit ${i + 1}`);
        assert.match(hit.date, /^\d{1,2} [A-Z][a-z]+ \d{4}$/, `date text of hit ${i + 1}: ${hit.date}`);
        assert.equal(hit.source, api.source, `issuer of hit ${i + 1}`);
        assert.equal(hit.link, api.url, `link of hit ${i + 1}`);
      });
    });

    await check(`search: Back restores ${PHRASE} (URL, box, hits, count), Forward restores ${OTHER}`, async () => {
      const { answer: other } = await searchFor(page, page, OTHER);
      await eventually(async () => assert.equal((await readHits(page))[0]?.title, other.hits[0].title));
      assert.deepEqual(urlState(page), { q: OTHER });

      await page.goBack();
      await eventually(async () => {
        assert.deepEqual(urlState(page), { q: PHRASE });
        assert.equal(await page.locator(sel.input).inputValue(), PHRASE);
        assert.deepEqual((await readHits(page)).map((h) => h.title), firstTitles);
        assert.equal(countIn(await statusText(page)), expected.total);
      });

      await page.goForward();
      await eventually(async () => {
        assert.deepEqual(urlState(page), { q: OTHER });
        assert.equal(await page.locator(sel.input).inputValue(), OTHER);
        assert.equal((await readHits(page))[0]?.title, other.hits[0].title);
        assert.equal(countIn(await statusText(page)), other.total);
      });
    });

    await check("search: sort Newest sends sort=-date, lists hits newest first, keeps it in the URL", async () => {
      const { request, answer } = await whenSearched(page, page,
        () => page.locator("select.dateline__sort").selectOption("newest"), { expectRequest: true });
      assert.ok(request, "the page sent no search request");
      assert.equal(request.searchParams.get("sort"), "-date", `API request ${request}`);
      assert.deepEqual(urlState(page), { q: OTHER, sort: "newest" });
      await eventually(async () => {
        const dates = (await readHits(page)).map((h) => h.datetime.slice(0, 10));
        assert.equal(dates.length, 10, "hits listed");
        assert.deepEqual(dates, answer.hits.map((h) => h.date.slice(0, 10)));
        assert.deepEqual([...dates].sort().reverse(), dates, "dates not in descending order");
      });
    });
  } finally {
    await page.context().close();
  }
}

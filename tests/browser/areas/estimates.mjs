// Counts estimated from a sample (a server with --exact-counts-up-to 10 on the same database):
// the page marks the issuer and language counts with "≈", the status says "about", and the
// timeline's bars say "about". The main server's exact counts carry no such mark.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { eventually } from "../lib/wait.mjs";
import { apiSearch, sel, stateUrl, statusText, whenSearched } from "../lib/dateline.mjs";

const QUERY = "antitrust";

function facetCounts(page) {
  return page.locator(`${sel.sourceFacet} .dateline__facet-count, ${sel.langFacet} .dateline__facet-count`)
    .evaluateAll((spans) => spans.map((s) => ({ text: s.textContent.trim(), title: s.title })));
}

export default async function estimates({ browser, main, startServer }) {
  const sampling = await startServer({ args: ["--exact-counts-up-to", "10"] });
  const page = await newPage(browser);
  try {
    await check(`estimates: "${QUERY}" with --exact-counts-up-to 10 shows its counts as estimates`, async () => {
      const api = await apiSearch(sampling.url, { q: QUERY, facets: "source,lang,month" });
      assert.equal(api.facets_are_estimates, true, "the API did not sample");
      assert.ok(api.facets.source.length > 0, "the sample holds no issuer");
      await whenSearched(page, page, () => page.goto(stateUrl(sampling.url, { q: QUERY })));
      await eventually(async () => {
        assert.match(await statusText(page), /\babout\b/i);
        const counts = await facetCounts(page);
        assert.ok(counts.length > 0, "no facet counts shown");
        for (const { text, title } of counts) {
          assert.match(text, /^≈[\d,]+$/, `facet count "${text}"`);
          assert.match(title, /estimated/i, `title of "${text}"`);
        }
        const labels = await page.locator(sel.bar).evaluateAll((bars) =>
          bars.filter((b) => !b.classList.contains("is-empty")).map((b) => b.getAttribute("aria-label")));
        assert.ok(labels.length > 0, "no timeline bar with matches");
        for (const label of labels) assert.match(label, /: about [\d,]+ of /, `bar "${label}"`);
      });
    });

    await check(`estimates: "${QUERY}" on the main server shows exact counts, unmarked`, async () => {
      const api = await apiSearch(main.url, { q: QUERY, facets: "source,lang,month" });
      assert.equal(api.facets_are_estimates, false);
      await whenSearched(page, page, () => page.goto(stateUrl(main.url, { q: QUERY })));
      await eventually(async () => {
        const counts = await facetCounts(page);
        assert.ok(counts.length > 0, "no facet counts shown");
        for (const { text, title } of counts) {
          assert.match(text, /^[\d,]+$/, `facet count "${text}"`);
          assert.equal(title, "");
        }
        const labels = await page.locator(sel.bar).evaluateAll((bars) => bars.map((b) => b.getAttribute("aria-label")));
        assert.ok(labels.every((label) => !label.includes("about")), labels.join(" | "));
      });
    });
  } finally {
    await page.context().close();
    await sampling.stop();
  }
}

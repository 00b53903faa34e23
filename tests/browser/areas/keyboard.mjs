// Issue #3, check 8: the whole flow with the keyboard alone (Tab, typing, Enter, Space, arrows):
// search, a facet, sorting, the results, the next page, the document view and back.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { eventually } from "../lib/wait.mjs";
import { readHits, sel, urlState, whenSearched } from "../lib/dateline.mjs";

const QUERY = "fraud";
const DOJ = "U.S. Department of Justice, Office of Public Affairs";
const MAX_TABS = 80;

/** Presses Tab (Shift+Tab when `back`) until the focused element matches `selector`. */
async function tabTo(page, selector, { back = false } = {}) {
  const path = [];
  for (let i = 0; i < MAX_TABS; i += 1) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const focused = await page.evaluate((s) => {
      const active = document.activeElement;
      const name = active ? `${active.tagName.toLowerCase()}.${active.className}` : "none";
      return { matches: Boolean(active?.matches(s)), name };
    }, selector);
    if (focused.matches) return;
    path.push(focused.name);
  }
  const key = back ? "Shift+Tab" : "Tab";
  throw new Error(`${MAX_TABS} ${key} presses never reached ${selector}; passed ${[...new Set(path)].join(", ")}`);
}

const focusedIs = (page, selector) => page.evaluate((s) => Boolean(document.activeElement?.matches(s)), selector);

export default async function keyboard({ browser, main }) {
  const page = await newPage(browser);
  try {
    await page.goto(main.url);

    await check(`keyboard: Tab to the search box, type "${QUERY}", Enter searches`, async () => {
      await tabTo(page, sel.input);
      await page.keyboard.type(QUERY);
      await whenSearched(page, page, () => page.keyboard.press("Enter"));
      assert.deepEqual(urlState(page), { q: QUERY });
      await eventually(async () => assert.equal((await readHits(page)).length, 10));
    });

    await check("keyboard: Tab to the issuer facet, Space checks it and narrows the search", async () => {
      await tabTo(page, `${sel.sourceFacet} input[type="checkbox"][value="${DOJ}"]`);
      const { request } = await whenSearched(page, page, () => page.keyboard.press("Space"), { expectRequest: true });
      assert.ok(request, "the page sent no search request");
      assert.deepEqual(urlState(page), { q: QUERY, source: DOJ });
      await eventually(async () => {
        const hits = await readHits(page);
        assert.equal(hits.length, 10);
        assert.ok(hits.every((h) => h.source === DOJ));
      });
    });

    await check("keyboard: Shift+Tab to Sort by, ArrowDown picks Newest first", async () => {
      await tabTo(page, "select.dateline__sort", { back: true });
      await whenSearched(page, page, () => page.keyboard.press("ArrowDown"));
      await eventually(async () => assert.deepEqual(urlState(page), { q: QUERY, source: DOJ, sort: "newest" }));
    });

    await check("keyboard: Tab through the results to Next, Enter shows page 2", async () => {
      await tabTo(page, sel.hitLink);
      await tabTo(page, sel.next);
      await whenSearched(page, page, () => page.keyboard.press("Enter"));
      await eventually(async () => assert.deepEqual(urlState(page), { q: QUERY, source: DOJ, sort: "newest", page: "2" }));
    });

    let opened = "";
    await check("keyboard: Tab to Read the release, Enter opens the document view", async () => {
      await tabTo(page, sel.hitRead);
      opened = await page.evaluate(() =>
        document.activeElement.closest("li").querySelector(".dateline__hit-title").textContent.trim());
      await page.keyboard.press("Enter");
      await page.locator(sel.document).waitFor({ state: "visible" });
      assert.equal((await page.locator(sel.docTitle).textContent())?.trim(), opened);
      assert.ok(urlState(page).doc, `no doc in ${page.url()}`);
    });

    await check("keyboard: Tab to Back to results, Enter returns to page 2 with focus in the opened hit", async () => {
      if (!(await focusedIs(page, sel.docBack))) await tabTo(page, sel.docBack);
      await page.keyboard.press("Enter");
      await eventually(async () => {
        assert.deepEqual(urlState(page), { q: QUERY, source: DOJ, sort: "newest", page: "2" });
        const active = await page.evaluate(() => document.activeElement.closest("li.dateline__hit")
          ?.querySelector(".dateline__hit-title")?.textContent.trim() ?? document.activeElement.outerHTML.slice(0, 80));
        assert.equal(active, opened, "focus after coming back");
      });
    });
  } finally {
    await page.context().close();
  }
}

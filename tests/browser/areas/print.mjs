// The print stylesheet: results and the document view print without the form, the filters, the
// timeline and the pager, with the full release text and link targets written out.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { apiSearch, sel, stateUrl } from "../lib/dateline.mjs";

const SCREEN_ONLY = ["form.dateline__form", ".dateline__filters", "section.dateline__timeline", sel.pager];

/** Selectors (of those given) with an element that is displayed. */
function displayed(page, selectors) {
  return page.evaluate((list) => list.filter((s) => [...document.querySelectorAll(s)]
    .some((e) => getComputedStyle(e).display !== "none" && e.getClientRects().length > 0)), selectors);
}

export default async function print({ browser, main }) {
  const page = await newPage(browser);
  try {
    await check("print: results print without form, filters, timeline and pager; titles show their URL", async () => {
      await page.goto(stateUrl(main.url, { q: "antitrust" }));
      await page.locator(sel.bar).first().waitFor({ state: "attached" });
      await page.locator(sel.hit).first().waitFor({ state: "visible" });
      assert.deepEqual(await displayed(page, SCREEN_ONLY), SCREEN_ONLY, "on screen");
      await page.emulateMedia({ media: "print" });
      assert.deepEqual(await displayed(page, SCREEN_ONLY), [], "printed");
      assert.deepEqual(await displayed(page, [sel.hit]), [sel.hit], "hits not printed");
      const after = await page.locator(sel.hitLink).first().evaluate((a) => getComputedStyle(a, "::after").content);
      const href = await page.locator(sel.hitLink).first().getAttribute("href");
      assert.ok(after.includes(href), `printed after the title link: ${after}`);
    });

    await check("print: the document view prints its whole text without the back link and buttons", async () => {
      const { hits } = await apiSearch(main.url, { q: "antitrust" });
      await page.emulateMedia({ media: "screen" });
      await page.goto(stateUrl(main.url, { q: "antitrust", doc: hits[0].id }));
      await page.locator(`${sel.docBody} p`).first().waitFor({ state: "visible" });
      await page.emulateMedia({ media: "print" });
      const hidden = [sel.docBack, sel.docJump, "button.dateline__copy-citation", "form.dateline__form"];
      assert.deepEqual(await displayed(page, hidden), [], "printed");
      const body = page.locator(sel.docBody);
      const clipped = await body.evaluate((e) => e.scrollHeight > e.clientHeight + 1);
      assert.equal(clipped, false, "the body is cut off");
      assert.deepEqual(await displayed(page, [sel.docBody, sel.citation]), [sel.docBody, sel.citation]);
    });
  } finally {
    await page.context().close();
  }
}

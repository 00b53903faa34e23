// Issue #3, check 11: a server with --base-path /search/ on the same database: the page at
// /search/ searches and opens a document, and no request leaves /search/.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { eventually } from "../lib/wait.mjs";
import { readHits, searchFor, sel } from "../lib/dateline.mjs";

export default async function subpath({ browser, sub }) {
  const page = await newPage(browser);
  const requests = [];
  page.on("request", (req) => requests.push(req.url()));
  try {
    await check(`subpath: ${sub.url} searches, opens a document and comes back`, async () => {
      await page.goto(sub.url);
      const { request } = await searchFor(page, page, "antitrust");
      assert.ok(request, "the page sent no search request");
      await eventually(async () => assert.equal((await readHits(page)).length, 10));
      const title = (await readHits(page))[0].title;
      await page.locator(sel.hitRead).first().click();
      await page.locator(`${sel.docBody} p`).first().waitFor({ state: "visible" });
      assert.equal((await page.locator(sel.docTitle).textContent())?.trim(), title);
      assert.ok(new URL(page.url()).pathname === "/search/", `page URL ${page.url()}`);
      await page.locator(sel.docBack).click();
      await eventually(async () => assert.equal((await readHits(page))[0]?.title, title));
    });

    await check("subpath: every request of the page stayed under /search/ on its server", async () => {
      const base = new URL(sub.url);
      assert.ok(requests.length > 5, `only ${requests.length} requests seen`);
      const outside = requests.filter((u) => {
        const url = new URL(u);
        return url.origin !== base.origin || !url.pathname.startsWith(base.pathname);
      });
      assert.deepEqual(outside, []);
      assert.ok(requests.some((u) => new URL(u).pathname === "/search/api/search"), "no /search/api/search request");
    });
  } finally {
    await page.context().close();
  }
}

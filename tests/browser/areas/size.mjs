// Issue #3, check 12: loading the results page transfers less than 100 KB of HTML, JavaScript and
// CSS (uncompressed bodies; the server sends them as they are), all from the server's origin.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { sel, stateUrl } from "../lib/dateline.mjs";

const LIMIT = 100_000;

export default async function size({ browser, main }) {
  const page = await newPage(browser);
  const responses = [];
  const requests = [];
  page.on("request", (req) => requests.push(req.url()));
  page.on("response", (res) => responses.push(res));
  try {
    await check(`size: the results page loads under ${LIMIT / 1000} KB of HTML+JS+CSS, nothing from other origins`, async () => {
      await page.goto(stateUrl(main.url, { q: "fraud" }));
      await page.locator(sel.hit).first().waitFor({ state: "visible" });
      await page.locator(sel.bar).first().waitFor({ state: "attached" });
      await page.locator(sel.idle).waitFor({ state: "attached" });
      const origin = new URL(main.url).origin;
      assert.deepEqual(requests.filter((u) => new URL(u).origin !== origin), [], "requests to other origins");
      let total = 0;
      const parts = [];
      for (const response of responses) {
        const type = response.request().resourceType();
        if (type === "fetch" || type === "xhr") continue; // the API's answers are data, not the page
        const bytes = (await response.body()).length;
        total += bytes;
        parts.push(`${new URL(response.url()).pathname} ${bytes}`);
      }
      console.log(`# page transfer: ${total} bytes in ${parts.length} files (${parts.join(", ")})`);
      assert.ok(parts.some((p) => p.endsWith(".css") || p.includes(".css ")), "no stylesheet loaded");
      assert.ok(total < LIMIT, `${total} bytes`);
    });
  } finally {
    await page.context().close();
  }
}

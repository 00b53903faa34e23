// Issue #3, check 7: the page framed with ?embed=1 by a host on an origin the server's
// --frame-ancestors allows: compact layout, searching inside the frame; a host not allowed gets
// no page in its frame.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { eventually } from "../lib/wait.mjs";
import { readHits, searchFor, sel } from "../lib/dateline.mjs";

const QUERY = "antitrust";

/** The frame showing the search page, once the host page and its frame have loaded. */
async function framedPage(page, hostUrl, serverUrl) {
  await page.goto(hostUrl, { waitUntil: "load" });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  assert.ok(frame, "the host page has no frame");
  return { frame, showsServer: frame.url().startsWith(serverUrl) };
}

export default async function iframe({ browser, main, allowed, other }) {
  const page = await newPage(browser);
  try {
    await check(`iframe: framed by ${allowed.origin} (allowed): compact layout, filters folded`, async () => {
      const { frame, showsServer } = await framedPage(page, `${allowed.origin}/frame.html`, main.url);
      assert.ok(showsServer, `frame shows ${frame.url()}`);
      await frame.locator(`${sel.root}.dateline--compact`).waitFor({ state: "attached" });
      const toggle = frame.locator("details.dateline__filters-toggle");
      assert.equal(await toggle.count(), 1, "no details.dateline__filters-toggle");
      assert.equal(await toggle.evaluate((d) => d.open), false, "filters open by default");
      assert.equal(await toggle.locator(".dateline__filters").count(), 1, "filters not inside the toggle");
    });

    await check("iframe: a search inside the frame lists hits and keeps embed=1", async () => {
      const frame = page.frames().find((f) => f !== page.mainFrame());
      const { request } = await searchFor(page, frame, QUERY);
      assert.ok(request, "the framed page sent no search request");
      await eventually(async () => {
        assert.equal((await readHits(frame)).length, 10, "hits listed");
        const state = new URL(frame.url()).searchParams;
        assert.equal(state.get("q"), QUERY, frame.url());
        assert.equal(state.get("embed"), "1", frame.url());
      });
      assert.equal(page.url(), `${allowed.origin}/frame.html`, "the host page navigated");
    });
  } finally {
    await page.context().close();
  }

  const refused = await newPage(browser, { consoleErrorsExpected: true });
  try {
    await check(`iframe: framed by ${other.origin} (not allowed) the page is blocked`, async () => {
      const { frame, showsServer } = await framedPage(refused, `${other.origin}/frame.html`, main.url);
      const roots = showsServer ? await frame.locator(sel.root).count() : 0;
      assert.equal(roots, 0, `the frame shows the search page (${frame.url()})`);
    });
  } finally {
    await refused.context().close();
  }
}

// Issue #3, check 10: screenshots of the results page (light at 1280 and 360 px, dark at 1280),
// saved under stable names in ARTIFACT_DIR; the page must fit 360 px without sideways scrolling.
// On a narrow screen the filters start folded, so that the first hit is on the first screen.

import assert from "node:assert/strict";
import fs from "node:fs/promises";
import path from "node:path";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { sel, stateUrl } from "../lib/dateline.mjs";

const SHOTS = [
  { file: "results-1280.png", width: 1280, colorScheme: "light" },
  { file: "results-360.png", width: 360, colorScheme: "light" },
  { file: "results-dark-1280.png", width: 1280, colorScheme: "dark" },
];

export default async function screenshots({ browser, main, artifactDir }) {
  for (const shot of SHOTS) {
    await check(`screenshots: ${shot.file} (${shot.colorScheme}, ${shot.width} px wide, no sideways scrolling)`, async () => {
      const page = await newPage(browser, { viewport: { width: shot.width, height: 900 }, colorScheme: shot.colorScheme });
      try {
        await page.goto(stateUrl(main.url, { q: '"health care fraud"' }));
        await page.locator(sel.hit).first().waitFor({ state: "visible" });
        await page.locator(sel.bar).first().waitFor({ state: "attached" });
        await page.locator(sel.idle).waitFor({ state: "attached" });
        const file = path.join(artifactDir, shot.file);
        await page.screenshot({ path: file, fullPage: true });
        const { size } = await fs.stat(file);
        assert.ok(size > 10_000, `${file} is only ${size} bytes`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow} px wider than the ${shot.width} px window`);
      } finally {
        await page.context().close();
      }
    });
  }

  await check("screenshots: at 360 px the filters start folded and the first hit is on the first screen; unfolded, they work", async () => {
    const page = await newPage(browser, { viewport: { width: 360, height: 800 } });
    try {
      await page.goto(stateUrl(main.url, { q: '"health care fraud"' }));
      await page.locator(sel.hit).first().waitFor({ state: "visible" });
      const fold = page.locator("details.dateline__filters-toggle");
      assert.equal(await fold.evaluate((d) => d.open), false, "the filters are unfolded");
      const top = await page.locator(sel.hit).first().evaluate((hit) => hit.getBoundingClientRect().top);
      assert.ok(top < 800, `the first hit starts ${Math.round(top)} px down, below the 800 px screen`);
      await fold.locator("summary").click();
      await page.locator(".dateline__facet--source input[type=checkbox]").first().waitFor({ state: "visible" });
    } finally {
      await page.context().close();
    }
  });

  await check("screenshots: at 1280 px the filters stand open beside the results, with no fold to click", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(stateUrl(main.url, { q: '"health care fraud"' }));
      await page.locator(sel.hit).first().waitFor({ state: "visible" });
      const fold = page.locator("details.dateline__filters-toggle");
      assert.equal(await fold.evaluate((d) => d.open), true, "the filters are folded");
      assert.equal(await fold.locator("summary").isVisible(), false, "the fold's summary is shown");
    } finally {
      await page.context().close();
    }
  });
}

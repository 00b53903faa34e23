// Issue #3, check 6: <dateline-search> on a page of another origin (another loopback port):
// allowed by --cors-origin it searches, the host's hostile CSS stays out of its shadow root and a
// custom property on the element sets its accent; from an origin not allowed it says so.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { eventually } from "../lib/wait.mjs";
import { readHits, searchFor, sel } from "../lib/dateline.mjs";

const QUERY = "antitrust";
const ACCENT = "rgb(128, 0, 96)"; // set by hosts/component.html on the element
const RED = "rgb(255, 0, 0)";
const YELLOW = "rgb(255, 255, 0)";

/** Computed styles inside the component's shadow root. */
function shadowStyles(page) {
  return page.evaluate(({ accent }) => {
    const shadow = document.querySelector("dateline-search")?.shadowRoot;
    if (!shadow) return null;
    const style = (selector) => {
      const element = shadow.querySelector(selector);
      return element ? getComputedStyle(element) : null;
    };
    const root = style(".dateline");
    const input = style("input.dateline__input");
    const hit = style("li.dateline__hit");
    const hitTitle = style("h2.dateline__hit-title");
    const painted = [...shadow.querySelectorAll("*")].filter((element) => {
      const s = getComputedStyle(element);
      return [s.color, s.backgroundColor, s.borderTopColor, s.fill].includes(accent);
    }).map((element) => element.getAttribute("class") || element.tagName);
    return {
      rootColor: root?.color, rootFontSize: root?.fontSize, rootFont: root?.fontFamily,
      inputDisplay: input?.display, inputBackground: input?.backgroundColor,
      hitMargin: hit?.marginTop, hitBackground: hit?.backgroundColor,
      hitTitleSize: hitTitle?.fontSize,
      accentProperty: root?.getPropertyValue("--dateline-accent").trim(),
      painted,
    };
  }, { accent: ACCENT });
}

export default async function component({ browser, main, allowed, other }) {
  const page = await newPage(browser);
  try {
    await check(`component: on ${allowed.origin} (allowed) it searches "${QUERY}" and lists hits`, async () => {
      await page.goto(`${allowed.origin}/component.html`);
      await page.locator(sel.input).waitFor({ state: "visible" });
      const { request } = await searchFor(page, page, QUERY);
      assert.ok(request, "the component sent no search request");
      assert.equal(request.origin, new URL(main.url).origin, `API request ${request}`);
      await eventually(async () => assert.equal((await readHits(page)).length, 10, "hits listed"));
      const inShadow = await page.evaluate(() =>
        Boolean(document.querySelector("dateline-search")?.shadowRoot?.querySelector("li.dateline__hit")));
      assert.ok(inShadow, "hits are not inside the element's shadow root");
      // Links point at the server's own page, so a new tab opens the full search there.
      const read = (await readHits(page))[0].read ?? "";
      assert.ok(read.startsWith(main.url), `"Read the release" href ${read}`);
    });

    await check("component: the host page's CSS does not reach inside (colour, font, root font size, display, margins)", async () => {
      const styles = await shadowStyles(page);
      assert.ok(styles, "no shadow root");
      assert.notEqual(styles.rootColor, RED, "text colour of .dateline");
      assert.notEqual(styles.rootFontSize, "30px", "font size of .dateline");
      assert.doesNotMatch(styles.rootFont ?? "", /Comic Sans/, "font of .dateline");
      assert.notEqual(styles.inputDisplay, "none", "the search box is hidden");
      assert.notEqual(styles.inputBackground, YELLOW, "background of the search box");
      assert.notEqual(styles.hitMargin, "40px", "margin of a hit");
      assert.notEqual(styles.hitBackground, YELLOW, "background of a hit");
      // The host's 10px root font size must not scale the component's text down.
      assert.ok(parseFloat(styles.hitTitleSize) >= 16, `hit title font size ${styles.hitTitleSize}`);
    });

    await check(`component: --dateline-accent set on the element (${ACCENT}) colours its accent`, async () => {
      const styles = await shadowStyles(page);
      assert.equal(styles?.accentProperty, ACCENT, "custom property inside the shadow root");
      assert.ok(styles.painted.length > 0, "no element inside uses the accent colour");
      const submit = await page.locator(sel.submit).evaluate((b) => getComputedStyle(b).backgroundColor);
      assert.equal(submit, ACCENT, "background of the search button");
    });
  } finally {
    await page.context().close();
  }

  const refused = await newPage(browser, { consoleErrorsExpected: true });
  try {
    await check(`component: on ${other.origin} (not allowed) it shows an error naming that origin`, async () => {
      await refused.goto(`${other.origin}/component.html`);
      await refused.locator(sel.input).waitFor({ state: "visible" });
      await refused.locator(sel.input).fill(QUERY);
      await refused.locator(sel.input).press("Enter");
      const message = refused.locator(sel.errorMessage);
      await message.waitFor({ state: "visible" });
      const text = ((await message.textContent()) ?? "").replace(/\s+/g, " ");
      assert.ok(text.includes(other.origin), `message: ${text}`);
      assert.equal(await refused.locator(sel.hit).count(), 0, "hits listed anyway");
    });
  } finally {
    await refused.context().close();
  }
}

// Issue #3, check 9: axe-core over each state of the page (intro, results with filters and the
// timeline, document view, no results, an error, dark mode, compact mode): no serious or critical
// violations. axe is injected as an inline script, which the page's CSP forbids, hence bypassCSP.

import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { apiSearch, sel, stateUrl } from "../lib/dateline.mjs";

const require = createRequire(import.meta.url);
const PHRASE = '"health care fraud"';
const DOJ = "U.S. Department of Justice, Office of Public Affairs";

async function violations(page, axeSource) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

function describe(found) {
  return found.map((v) => `${v.id} (${v.impact}): ${v.help}\n      ` +
    v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join("\n      ") +
    (v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : "")).join("\n    ");
}

export default async function a11y({ browser, main }) {
  const axeSource = await fs.readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  const { hits } = await apiSearch(main.url, { q: PHRASE });
  const states = [
    { name: "intro", url: stateUrl(main.url), ready: `${sel.root} ${sel.input}` },
    { name: "results with filters and a timeline selection",
      url: stateUrl(main.url, { q: "fraud", source: DOJ, from: "2012-01", to: "2014-06" }),
      ready: `${sel.bar}.is-selected`, alsoReady: sel.hit },
    { name: "document view", url: stateUrl(main.url, { q: PHRASE, doc: hits[0].id }), ready: `${sel.docBody} mark` },
    { name: "no results", url: stateUrl(main.url, { q: "zzzqqxnotaword" }), ready: sel.emptyMessage },
    { name: "error", url: stateUrl(main.url, { q: "fraud ".repeat(300).trim() }), ready: sel.errorMessage },
    { name: "dark mode results", url: stateUrl(main.url, { q: "fraud" }), ready: sel.hit, colorScheme: "dark" },
    { name: "compact mode results", url: stateUrl(main.url, { q: "fraud", embed: 1 }), ready: sel.hit,
      viewport: { width: 420, height: 800 } },
  ];

  for (const state of states) {
    await check(`a11y: ${state.name}: no serious or critical axe violations`, async () => {
      const page = await newPage(browser, {
        bypassCSP: true,
        colorScheme: state.colorScheme ?? "light",
        viewport: state.viewport ?? { width: 1280, height: 900 },
      });
      try {
        await page.goto(state.url);
        await page.locator(state.ready).first().waitFor({ state: "visible" });
        if (state.alsoReady) await page.locator(state.alsoReady).first().waitFor({ state: "visible" });
        await page.locator(sel.idle).waitFor({ state: "attached" });
        const found = await violations(page, axeSource);
        assert.equal(found.length, 0, describe(found));
      } finally {
        await page.context().close();
      }
    });
  }
}

// Issue #3, check 3: the timeline of matches per month: bars, selecting a month by click, a range
// by drag and by Shift+click, selecting by keyboard, the tooltip, and clearing.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { eventually } from "../lib/wait.mjs";
import { MONTHS, apiSearch, countIn, readHits, sel, stateUrl, statusText, urlState, whenSearched } from "../lib/dateline.mjs";

const QUERY = "tax";

/** "2016-03" -> "March 2016". */
const monthName = (value) => `${MONTHS[Number(value.slice(5, 7)) - 1]} ${value.slice(0, 4)}`;

/** Every month from `first` to `last` inclusive, as YYYY-MM. */
function monthsBetween(first, last) {
  const out = [];
  for (let [y, m] = first.split("-").map(Number); `${y}-${String(m).padStart(2, "0")}` <= last;) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

async function assertHitsWithin(page, from, to, total) {
  await eventually(async () => {
    const hits = await readHits(page);
    assert.equal(hits.length, Math.min(10, total), "hits listed");
    for (const hit of hits) {
      const month = hit.datetime.slice(0, 7);
      assert.ok(month >= from && month <= to, `hit of ${month} outside ${from}..${to}: ${hit.title}`);
    }
    assert.equal(countIn(await statusText(page)), total, `status: ${await statusText(page)}`);
  });
}

export default async function timeline({ browser, main }) {
  const months = (await apiSearch(main.url, { q: QUERY, size: 1, facets: "month" })).facets.month;
  const byMonth = new Map(months.map((m) => [m.value, m]));
  const share = (m) => m.count / m.documents;
  // Bars with many matches, far enough apart for a range: the tallest in each half.
  const half = Math.floor(months.length / 2);
  const tallest = (list) => list.reduce((a, b) => (share(b) > share(a) ? b : a));
  const early = tallest(months.slice(0, half)).value;
  const late = tallest(months.slice(half)).value;
  const sumOf = (from, to) => months.filter((m) => m.value >= from && m.value <= to).reduce((n, m) => n + m.count, 0);
  const bar = (page, month) => page.locator(`${sel.bar}[data-month="${month}"]`);

  const page = await newPage(browser);
  try {
    await whenSearched(page, page, () => page.goto(stateUrl(main.url, { q: QUERY })));

    await check("timeline: one bar per month from the first match to the last, gaps filled, labelled in words", async () => {
      const expected = monthsBetween(months[0].value, months.at(-1).value);
      assert.ok(expected.length > months.length, "the test query should leave some months empty");
      await eventually(async () => {
        const shown = await page.locator(sel.bar).evaluateAll((bars) => bars.map((b) => b.dataset.month));
        assert.deepEqual(shown, expected);
      });
      const chart = page.locator("section.dateline__timeline svg.dateline__timeline-chart");
      assert.equal(await chart.getAttribute("role"), "group");
      assert.ok((await chart.getAttribute("aria-label"))?.trim(), "chart has no aria-label");
      const m = byMonth.get(early);
      const label = (await bar(page, early).getAttribute("aria-label")) ?? "";
      assert.ok(label.includes(monthName(early)) && label.includes(`${m.count} of ${m.documents} releases`),
        `aria-label of ${early}: "${label}" (expected ${monthName(early)}, ${m.count} of ${m.documents} releases)`);
      const tabbable = await page.locator(`${sel.bar}[tabindex="0"]`).count();
      assert.equal(tabbable, 1, "bars with tabindex=0 (roving tabindex)");
    });

    await check(`timeline: hovering the ${early} bar shows "${monthName(early)}" and "N of M releases (x.x%)"`, async () => {
      const m = byMonth.get(early);
      await bar(page, early).hover();
      const tip = page.locator(sel.tip);
      await tip.waitFor({ state: "visible" });
      const text = ((await tip.textContent()) ?? "").replace(/\s+/g, " ");
      assert.ok(text.includes(monthName(early)), `tooltip: ${text}`);
      const percent = ((100 * m.count) / m.documents).toFixed(1);
      const words = `${m.count} of ${m.documents} releases (${percent}%)`;
      assert.ok(text.includes(words), `tooltip: ${text} (expected "${words}")`);
      assert.equal(await tip.getAttribute("role"), "tooltip");
    });

    await check(`timeline: clicking the ${late} bar filters to that month (URL from/to, every hit, count)`, async () => {
      const { request } = await whenSearched(page, page, () => bar(page, late).click(), { expectRequest: true });
      assert.ok(request, "the page sent no search request");
      assert.equal(request.searchParams.get("from"), late, `API request ${request}`);
      assert.equal(request.searchParams.get("to"), late, `API request ${request}`);
      assert.deepEqual(urlState(page), { q: QUERY, from: late, to: late });
      await assertHitsWithin(page, late, late, byMonth.get(late).count);
      await eventually(async () => {
        const selected = await page.locator(`${sel.bar}.is-selected`).evaluateAll((bars) => bars.map((b) => b.dataset.month));
        assert.deepEqual(selected, [late], "selected bars (the chart keeps its context)");
      });
    });

    await check(`timeline: Shift+click on ${early} extends the selection to ${early}..${late}`, async () => {
      await whenSearched(page, page, () => bar(page, early).click({ modifiers: ["Shift"] }));
      assert.deepEqual(urlState(page), { q: QUERY, from: early, to: late });
      await assertHitsWithin(page, early, late, sumOf(early, late));
    });

    await check("timeline: the clear button removes from/to", async () => {
      await whenSearched(page, page, () => page.locator("button.dateline__timeline-clear").click());
      assert.deepEqual(urlState(page), { q: QUERY });
      await eventually(async () => assert.equal(await page.locator(`${sel.bar}.is-selected`).count(), 0));
    });

    await check(`timeline: dragging from the ${late} bar to the ${early} bar selects ${early}..${late}`, async () => {
      const start = await bar(page, late).boundingBox();
      const end = await bar(page, early).boundingBox();
      assert.ok(start && end, "bars not laid out");
      await whenSearched(page, page, async () => {
        await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
        await page.mouse.down();
        await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 8 });
        await page.mouse.up();
      });
      assert.deepEqual(urlState(page), { q: QUERY, from: early, to: late });
      await assertHitsWithin(page, early, late, sumOf(early, late));
    });

    await check("timeline: keyboard: Home, Right, Enter picks the 2nd month; End, Shift+Enter extends to the last", async () => {
      await whenSearched(page, page, () => page.goto(stateUrl(main.url, { q: QUERY })));
      const all = monthsBetween(months[0].value, months.at(-1).value);
      await page.locator(`${sel.bar}[tabindex="0"]`).focus();
      await page.keyboard.press("Home");
      await page.keyboard.press("ArrowRight");
      const focused = await page.evaluate(() => document.activeElement?.dataset?.month ?? null);
      assert.equal(focused, all[1], "focused bar after Home, ArrowRight");
      await eventually(async () => assert.ok(((await page.locator(sel.tip).textContent()) ?? "").includes(monthName(all[1])),
        "focus shows the tooltip of that month"));
      await whenSearched(page, page, () => page.keyboard.press("Enter"));
      assert.deepEqual(urlState(page), { q: QUERY, from: all[1], to: all[1] });
      await assertHitsWithin(page, all[1], all[1], byMonth.get(all[1])?.count ?? 0);

      await page.locator(`${sel.bar}[tabindex="0"]`).focus();
      await page.keyboard.press("End");
      await whenSearched(page, page, () => page.keyboard.press("Shift+Enter"));
      assert.deepEqual(urlState(page), { q: QUERY, from: all[1], to: all.at(-1) });
      await assertHitsWithin(page, all[1], all.at(-1), sumOf(all[1], all.at(-1)));
    });
  } finally {
    await page.context().close();
  }
}

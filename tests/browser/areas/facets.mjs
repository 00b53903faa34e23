// Issue #3, check 2: issuer and language facets with counts (checked against the input files and
// the API), narrowing by a facet and removing it with its chip, and the date form.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { countFrom } from "../lib/fixtures.mjs";
import { check } from "../lib/report.mjs";
import { eventually } from "../lib/wait.mjs";
import { apiSearch, countIn, readHits, sel, stateUrl, statusText, urlState, whenSearched } from "../lib/dateline.mjs";

const FROM_YEAR = "2019"; // the DOJ sample ends in 2018: from 2019 on only the fixtures are left
const ISSUER = "Ministry of Coastal Affairs";

function readFacet(scope, fieldset) {
  return scope.locator(`${fieldset} ${sel.facetOption}`).evaluateAll((labels) => labels.map((label) => ({
    value: label.querySelector('input[type="checkbox"]')?.value ?? null,
    checked: label.querySelector('input[type="checkbox"]')?.checked ?? null,
    name: label.querySelector(".dateline__facet-name")?.textContent.trim() ?? "",
    count: Number((label.querySelector(".dateline__facet-count")?.textContent ?? "").replace(/[^\d]/g, "")),
  })));
}

const sorted = (pairs) => [...pairs].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
const shown = (options) => sorted(options.map((o) => [o.value, o.count]));

export default async function facets({ browser, main, releases }) {
  const expected = countFrom(releases, FROM_YEAR);
  const page = await newPage(browser);
  try {
    const title = `facets: ?from=${FROM_YEAR} (no query) counts issuers and languages as the input files and the API do`;
    await check(title, async () => {
      await whenSearched(page, page, () => page.goto(stateUrl(main.url, { from: FROM_YEAR })));
      const api = await apiSearch(main.url, { from: FROM_YEAR, facets: "source,lang" });
      assert.equal(api.total, expected.total, "API total vs input files");
      await eventually(async () => {
        assert.equal(countIn(await statusText(page)), expected.total, `status: ${await statusText(page)}`);
        const issuers = await readFacet(page, sel.sourceFacet);
        assert.deepEqual(shown(issuers), sorted(expected.source), "issuer facet vs input files");
        assert.deepEqual(shown(issuers), sorted(api.facets.source.map((f) => [f.value, f.count])), "issuer facet vs API");
        const languages = await readFacet(page, sel.langFacet);
        assert.deepEqual(shown(languages), sorted(expected.lang), "language facet vs input files");
        assert.deepEqual(shown(languages), sorted(api.facets.lang.map((f) => [f.value, f.count])), "language facet vs API");
        assert.deepEqual(sorted(languages.map((o) => [o.value, o.name])), [["en", "English"], ["zh", "Chinese"]]);
        assert.ok([...issuers, ...languages].every((o) => o.checked === false), "nothing checked yet");
      });
      assert.equal((await page.locator(`${sel.sourceFacet} legend`).textContent()).trim(), "Issuer");
      assert.equal((await page.locator(`${sel.langFacet} legend`).textContent()).trim(), "Language");
    });

    await check(`facets: checking "${ISSUER}" narrows every hit to it; its chip removes the filter`, async () => {
      const box = page.locator(`${sel.sourceFacet} input[type="checkbox"][value="${ISSUER}"]`);
      const { request } = await whenSearched(page, page, () => box.check(), { expectRequest: true });
      assert.ok(request, "the page sent no search request");
      assert.deepEqual(request.searchParams.getAll("source"), [ISSUER], `API request ${request}`);
      assert.deepEqual(urlState(page), { from: FROM_YEAR, source: ISSUER });
      const count = expected.source.get(ISSUER);
      await eventually(async () => {
        const hits = await readHits(page);
        assert.equal(hits.length, count, "hits listed");
        assert.ok(hits.every((h) => h.source === ISSUER), `issuers: ${hits.map((h) => h.source).join(" | ")}`);
        assert.equal(countIn(await statusText(page)), count);
        assert.equal(await box.isChecked(), true, "the checked issuer stays listed and checked");
      });
      const chip = page.locator(sel.chip, { hasText: ISSUER });
      const label = (await chip.getAttribute("aria-label")) ?? "";
      assert.ok(label.startsWith("Remove filter:") && label.includes(ISSUER), `chip aria-label: ${label}`);

      await whenSearched(page, page, () => chip.click());
      assert.deepEqual(urlState(page), { from: FROM_YEAR });
      await eventually(async () => {
        assert.equal(countIn(await statusText(page)), expected.total);
        assert.equal(await page.locator(sel.chip, { hasText: ISSUER }).count(), 0, "chip still shown");
        assert.equal(await box.isChecked(), false);
      });
    });

    await check("facets: checking the language zh lists exactly the Chinese fixtures", async () => {
      const zh = expected.releases.filter((r) => r.lang === "zh");
      const box = page.locator(`${sel.langFacet} input[type="checkbox"][value="zh"]`);
      const { request } = await whenSearched(page, page, () => box.check(), { expectRequest: true });
      assert.ok(request, "the page sent no search request");
      assert.deepEqual(request.searchParams.getAll("lang"), ["zh"], `API request ${request}`);
      assert.deepEqual(urlState(page), { from: FROM_YEAR, lang: "zh" });
      await eventually(async () => {
        const titles = (await readHits(page)).map((h) => h.title).sort();
        assert.deepEqual(titles, zh.map((r) => r.title).sort());
      });
      await whenSearched(page, page, () => box.uncheck());
      assert.deepEqual(urlState(page), { from: FROM_YEAR });
    });

    await check("dates: From/To 2015-02-01..2015-03-15 keeps every hit inside the range, in URL and API", async () => {
      await whenSearched(page, page, () => page.goto(stateUrl(main.url, { q: "fraud" })));
      await page.locator(sel.from).fill("2015-02-01");
      await page.locator(sel.to).fill("2015-03-15");
      const { request, answer } = await whenSearched(page, page, () => page.locator(sel.datesApply).click(),
        { expectRequest: true });
      assert.ok(request, "the page sent no search request");
      assert.equal(request.searchParams.get("from"), "2015-02-01", `API request ${request}`);
      assert.equal(request.searchParams.get("to"), "2015-03-15", `API request ${request}`);
      assert.deepEqual(urlState(page), { q: "fraud", from: "2015-02-01", to: "2015-03-15" });
      const api = answer;
      const inside = releases.filter((r) => r.date >= "2015-02-01" && r.date.slice(0, 10) <= "2015-03-15");
      assert.ok(api.total > 0 && api.total < inside.length, `API total ${api.total} of ${inside.length} in range`);
      await eventually(async () => {
        const hits = await readHits(page);
        assert.equal(hits.length, Math.min(10, api.total));
        for (const hit of hits) {
          const day = hit.datetime.slice(0, 10);
          assert.ok(day >= "2015-02-01" && day <= "2015-03-15", `hit dated ${day}: ${hit.title}`);
        }
        assert.equal(countIn(await statusText(page)), api.total);
      });
    });

    await check("dates: an impossible date shows the inline error and is neither sent nor put in the URL", async () => {
      const sent = [];
      const record = (req) => { if (req.url().includes("api/search")) sent.push(req.url()); };
      page.on("request", record);
      try {
        await page.locator(sel.from).fill("2015-02-30");
        await page.locator(sel.datesApply).click();
        const error = page.locator(sel.datesError);
        await error.waitFor({ state: "visible" });
        assert.ok(((await error.textContent()) ?? "").trim(), "the inline error is empty");
        assert.equal(await page.locator(sel.from).getAttribute("aria-invalid"), "true", "From is not marked aria-invalid");
        assert.deepEqual(sent.filter((u) => u.includes("2015-02-30")), [], "sent to the API");
        assert.equal(new URL(page.url()).searchParams.get("from"), "2015-02-01", "URL changed");
      } finally {
        page.off("request", record);
      }
    });

    await check('facets: "foghorn" has 12 issuers: the first 10 are listed, "Show all 12" lists the rest', async () => {
      const issuers = new Set(releases.filter((r) => /foghorn/i.test(`${r.title}\n${r.body}`)).map((r) => r.source));
      assert.equal(issuers.size, 12, "issuers of the foghorn releases in the input files");
      await whenSearched(page, page, () => page.goto(stateUrl(main.url, { q: "foghorn" })));
      const visibleOptions = () => page.locator(`${sel.sourceFacet} ${sel.facetOption}`)
        .evaluateAll((labels) => labels.filter((label) => label.checkVisibility()).length);
      await eventually(async () => assert.equal(await visibleOptions(), 10, "issuers shown at first"));
      const more = page.locator(`${sel.sourceFacet} button.dateline__facet-more`);
      assert.match((await more.textContent()) ?? "", /Show all 12/);
      await more.click();
      await eventually(async () => {
        const all = await readFacet(page, sel.sourceFacet);
        assert.equal(await visibleOptions(), 12, "issuers shown after Show all");
        assert.deepEqual(new Set(all.map((o) => o.value)), issuers, "issuers listed");
        assert.ok(all.every((o) => o.count === 1), "each foghorn issuer has one release");
      });
    });
  } finally {
    await page.context().close();
  }
}

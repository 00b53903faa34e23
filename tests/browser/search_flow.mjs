// Browser test of the Dateline search page: headless Debian Chromium driven by playwright-core,
// against a running dateline-server (BASE_URL) that indexed data/sample.
// Usage: BASE_URL=http://127.0.0.1:PORT/ [ARTIFACT_DIR=dir] node search_flow.mjs
// Prints one line per check and a final "N passed, M failed" line; exits 1 on any failure.

import assert from "node:assert/strict";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
const BASE_URL = process.env.BASE_URL;
if (!BASE_URL) {
  console.error("search_flow: error: set BASE_URL to the server's address, e.g. http://127.0.0.1:8080/");
  process.exit(2);
}
const base = new URL(BASE_URL.endsWith("/") ? BASE_URL : BASE_URL + "/");
const ARTIFACT_DIR = path.resolve(process.env.ARTIFACT_DIR || path.join(here, "artifacts"));
const CHROMIUM = process.env.CHROMIUM_BIN || "/usr/bin/chromium";
const TIMEOUT_MS = 10_000;

const PHRASE = '"health care fraud"';
const NO_MATCH = "zzzqqxnotaword";
const ALLOWED_IN_RESULTS = new Set(["LI", "H2", "A", "SPAN", "P", "TIME", "MARK"]);

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok ${passed + failed} - ${name}`);
  } catch (err) {
    failed += 1;
    const detail = String(err && err.message ? err.message : err).split("\n").slice(0, 6).join("\n    ");
    console.log(`not ok ${passed + failed} - ${name}\n    ${detail}`);
  }
}

const sel = {
  input: "input.dateline__input",
  status: ".dateline__status",
  intro: ".dateline__intro",
  message: ".dateline__message",
  results: ".dateline__results",
  hit: ".dateline__results > li",
  firstTitle: ".dateline__results > li:first-child .dateline__hit-title",
  next: '.dateline__pager a[rel="next"]',
};

/** Waits until a search has finished rendering (not busy, and some outcome shown). */
async function settled(page) {
  await page.waitForFunction(() => {
    const results = document.querySelector(".dateline__results");
    if (!results || results.getAttribute("aria-busy") === "true") return false;
    const message = document.querySelector(".dateline__message");
    return !results.hidden || (message && !message.hidden);
  }, null, { timeout: TIMEOUT_MS });
}

async function firstTitle(page) {
  return (await page.locator(sel.firstTitle).textContent())?.trim();
}

async function submitQuery(page, text) {
  await page.locator(sel.input).fill(text);
  await page.locator(sel.input).press("Enter");
}

async function main() {
  await fs.mkdir(ARTIFACT_DIR, { recursive: true });
  const userDataDir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
    colorScheme: "light",
    locale: "en-US",
  });

  const problems = []; // uncaught errors, CSP violations
  const external = []; // requests that left 127.0.0.1
  const apiRequests = []; // every api/search URL the page asked for
  try {
    await context.route((url) => !["127.0.0.1", "localhost", "[::1]"].includes(url.hostname), (route) => {
      external.push(route.request().url());
      return route.abort();
    });
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("console", (msg) => {
      const text = msg.text();
      // 4xx/5xx answers are expected in this test and Chromium logs each as "Failed to load resource".
      if (msg.type() === "error" && !text.startsWith("Failed to load resource")) problems.push(`console: ${text}`);
    });
    page.on("request", (req) => {
      if (req.url().includes("api/search")) apiRequests.push(req.url());
    });

    // 1. The empty state.
    await page.goto(base.href, { waitUntil: "load" });
    await check("empty state: hint with example searches, no results, no API call", async () => {
      await page.locator(sel.intro).waitFor({ state: "visible" });
      const examples = await page.locator(`${sel.intro} a`).allTextContents();
      assert.ok(examples.some((t) => /health care fraud/.test(t)), `examples: ${examples.join(", ")}`);
      assert.equal(await page.locator(sel.hit).count(), 0);
      assert.equal(await page.locator(sel.results).isVisible(), false);
      assert.equal(apiRequests.length, 0, `unexpected API calls: ${apiRequests.join(" ")}`);
    });

    await check("search form: role=search, GET, labelled type=search input named q", async () => {
      const form = page.getByRole("search");
      assert.equal(await form.count(), 1);
      assert.equal((await form.getAttribute("method"))?.toLowerCase(), "get");
      const box = page.getByLabel("Search press releases");
      assert.equal(await box.getAttribute("type"), "search");
      assert.equal(await box.getAttribute("name"), "q");
      assert.equal(await page.locator("noscript").count(), 1);
      assert.equal(await page.locator('[aria-live="polite"]').count() >= 1, true);
    });

    // 2. A phrase search submitted with Enter.
    await submitQuery(page, PHRASE);
    let page1Title = "";
    await check(`search ${PHRASE} with Enter: results, count, URL has q=`, async () => {
      await settled(page);
      const hits = await page.locator(sel.hit).count();
      assert.ok(hits > 0, "no results listed");
      const status = (await page.locator(sel.status).textContent()) ?? "";
      assert.match(status, /\b[\d,]+ results?\b/, `status line: ${status}`);
      assert.equal(await page.locator(sel.status).getAttribute("aria-live"), "polite");
      const url = new URL(page.url());
      assert.equal(url.searchParams.get("q"), PHRASE, `URL: ${page.url()}`);
      assert.equal(await page.locator(sel.input).inputValue(), PHRASE);
      page1Title = await firstTitle(page);
      assert.ok(page1Title, "first hit has no title");
    });

    await check("snippets highlight query words with <mark>", async () => {
      const marks = await page.locator(`${sel.hit} .dateline__hit-snippet mark`).allTextContents();
      assert.ok(marks.some((t) => /health|care|fraud/i.test(t)), `marks: ${marks.slice(0, 10).join(", ")}`);
    });

    await check("each hit shows a title, a readable <time datetime> date and a source", async () => {
      const hits = await page.locator(sel.hit).evaluateAll((items) => items.map((li) => ({
        title: li.querySelector(".dateline__hit-title")?.textContent ?? "",
        datetime: li.querySelector("time")?.getAttribute("datetime") ?? null,
        date: li.querySelector("time")?.textContent ?? "",
        source: li.querySelector(".dateline__hit-source")?.textContent ?? "",
        link: li.querySelector(".dateline__hit-title a")?.getAttribute("href") ?? null,
      })));
      for (const hit of hits) {
        assert.ok(hit.title.trim(), "empty title");
        assert.match(hit.datetime ?? "", /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/, `datetime of "${hit.title}"`);
        assert.match(hit.date, /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/, `date text of "${hit.title}"`);
        assert.ok(hit.source.trim(), `no source for "${hit.title}"`);
        if (hit.link !== null) assert.match(hit.link, /^https?:/, `link of "${hit.title}"`);
      }
    });

    await check("result fields are text: only <mark> markup inside results, no <script>", async () => {
      const tags = await page.locator(sel.results).evaluate((ol) => [...ol.querySelectorAll("*")].map((e) => e.tagName));
      const unexpected = tags.filter((t) => !ALLOWED_IN_RESULTS.has(t));
      assert.deepEqual(unexpected, [], `unexpected elements: ${unexpected.join(", ")}`);
      const snippetTags = await page.locator(`${sel.hit} .dateline__hit-snippet *`).evaluateAll((els) => els.map((e) => e.tagName));
      assert.ok(snippetTags.every((t) => t === "MARK"), `snippet elements: ${snippetTags.join(", ")}`);
    });

    await check("screenshots of the results page at 1280 px and 360 px", async () => {
      await page.screenshot({ path: path.join(ARTIFACT_DIR, "results-1280.png"), fullPage: true });
      await page.setViewportSize({ width: 360, height: 780 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await page.screenshot({ path: path.join(ARTIFACT_DIR, "results-360.png"), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      assert.ok(overflow <= 0, `page is ${overflow}px wider than a 360px screen`);
    });

    // 3. Paging and history.
    await check("Next shows page 2 with a different first hit and page=2 in the URL", async () => {
      await page.locator(sel.next).click();
      await page.waitForURL((u) => u.searchParams.get("page") === "2");
      await settled(page);
      await page.waitForFunction((before) => {
        const t = document.querySelector(".dateline__results > li:first-child .dateline__hit-title");
        return t && t.textContent.trim() !== before;
      }, page1Title, { timeout: TIMEOUT_MS });
      assert.equal(new URL(page.url()).searchParams.get("q"), PHRASE);
      assert.match((await page.locator(sel.status).textContent()) ?? "", /page 2/i);
      assert.equal(await page.locator('.dateline__pager a[rel="prev"]').count(), 1);
      await page.screenshot({ path: path.join(ARTIFACT_DIR, "results-page2-1280.png"), fullPage: true });
    });

    await check("Back returns to page 1 with the same first hit", async () => {
      await page.goBack();
      await page.waitForURL((u) => u.searchParams.get("q") === PHRASE && !u.searchParams.has("page"));
      await page.waitForFunction((title) => {
        const t = document.querySelector(".dateline__results > li:first-child .dateline__hit-title");
        const busy = document.querySelector(".dateline__results")?.getAttribute("aria-busy") === "true";
        return !busy && t && t.textContent.trim() === title;
      }, page1Title, { timeout: TIMEOUT_MS });
      assert.equal(await page.locator(sel.input).inputValue(), PHRASE);
    });

    await check("a shared link (?q=...&page=2) opens page 2 directly", async () => {
      const shared = new URL(base.href);
      shared.search = new URLSearchParams({ q: PHRASE, page: "2" }).toString();
      await page.goto(shared.href);
      await settled(page);
      assert.ok(await page.locator(sel.hit).count() > 0);
      assert.notEqual(await firstTitle(page), page1Title);
      assert.equal(await page.locator(sel.input).inputValue(), PHRASE);
    });

    // 4. No results.
    await check(`no-results state for ${NO_MATCH}`, async () => {
      await submitQuery(page, NO_MATCH);
      await page.waitForURL((u) => u.searchParams.get("q") === NO_MATCH);
      await settled(page);
      const text = (await page.locator(sel.message).textContent()) ?? "";
      assert.match(text, /No releases match/);
      assert.match(text, /Try fewer words or check spelling/);
      assert.equal(await page.locator(sel.hit).count(), 0);
      assert.match((await page.locator(sel.status).textContent()) ?? "", /\b0 results\b/);
    });

    // 5. A request the server rejects (q longer than 1024 bytes): its message is shown.
    await check("a 400 from the server shows the server's error message", async () => {
      const longQuery = "fraud ".repeat(334).trim(); // ~2000 characters
      const api = new URL("api/search", base);
      api.search = new URLSearchParams({ q: longQuery, page: "1" }).toString();
      const direct = await fetch(api);
      assert.equal(direct.status, 400, `server answered ${direct.status} to a 2000-character q`);
      const expected = (await direct.json()).error.message;
      assert.ok(expected, "400 body has no error.message");
      const link = new URL(base.href);
      link.search = new URLSearchParams({ q: longQuery }).toString();
      await page.goto(link.href);
      await settled(page);
      const message = page.locator(`${sel.message}.dateline__message--error`);
      await message.waitFor({ state: "visible" });
      assert.ok(((await message.textContent()) ?? "").includes(expected), `page shows: ${await message.textContent()}`);
    });

    await check("a bad page number in the URL falls back to page 1 (never sent to the API)", async () => {
      const link = new URL(base.href);
      link.search = new URLSearchParams({ q: PHRASE, page: "0" }).toString();
      await page.goto(link.href);
      await settled(page);
      assert.equal(await firstTitle(page), page1Title);
    });

    await check("an empty search shows the hint again without calling the API", async () => {
      const before = apiRequests.length;
      await submitQuery(page, "   ");
      await page.locator(sel.intro).waitFor({ state: "visible" });
      assert.equal(new URL(page.url()).searchParams.has("q"), false, page.url());
      await page.waitForTimeout(200);
      assert.equal(apiRequests.length, before);
      await page.locator(`${sel.intro} a`, { hasText: "antitrust" }).click();
      await page.waitForURL((u) => u.searchParams.get("q") === "antitrust");
      await settled(page);
    });

    // 6. Deterministic checks with canned API answers (route interception, still no network).
    const canned = new Map([
      ["xss-probe", {
        status: 200, delay: 600,
        body: {
          query: "xss-probe", interpreted_as: "boolean", total: 1, total_is_estimate: true, page: 1, size: 10, took_ms: 1,
          hits: [{
            id: "x1", title: '<img src=x onerror="window.__dlxss=1"><script>window.__dlxss=2</script> A & B',
            date: "2024-03-04T09:15:00", source: "<b>Issuer</b>", place: "<i>Place</i>",
            url: "javascript:window.__dlxss=3", score: 1, snippet_html: "a &lt;b&gt; <mark>probe</mark>",
          }],
        },
      }],
      ["unavailable-probe", { status: 503, body: { error: { code: "unavailable", message: "database is gone" } } }],
    ]);
    const isCanned = (url) => url.pathname.endsWith("/api/search") && canned.has(url.searchParams.get("q"));
    await page.route(isCanned, async (route) => {
      const answer = canned.get(new URL(route.request().url()).searchParams.get("q"));
      if (answer.delay) await new Promise((r) => setTimeout(r, answer.delay));
      await route.fulfill({ status: answer.status, contentType: "application/json", body: JSON.stringify(answer.body) });
    });

    await check("loading state: aria-busy while the request is in flight", async () => {
      await submitQuery(page, "xss-probe");
      await page.waitForFunction(() => document.querySelector(".dateline__results")?.getAttribute("aria-busy") === "true",
        null, { timeout: TIMEOUT_MS });
      assert.match((await page.locator(sel.status).textContent()) ?? "", /Searching/);
      await settled(page);
    });

    await check("markup in title/source/place stays text; javascript: URLs are not linked", async () => {
      const title = await firstTitle(page);
      assert.equal(title, '<img src=x onerror="window.__dlxss=1"><script>window.__dlxss=2</script> A & B');
      assert.equal(await page.locator(`${sel.results} script, ${sel.results} img, ${sel.results} b, ${sel.results} i`).count(), 0);
      assert.equal(await page.locator(`${sel.results} a`).count(), 0);
      assert.equal(await page.evaluate(() => window.__dlxss), undefined);
      assert.equal(await page.locator(`${sel.hit} .dateline__hit-source`).textContent(), "<b>Issuer</b>");
      assert.equal(await page.locator(`${sel.hit} .dateline__hit-snippet`).textContent(), "a <b> probe");
      assert.equal(await page.locator(`${sel.hit} time`).getAttribute("datetime"), "2024-03-04T09:15:00");
      assert.equal(await page.locator(`${sel.hit} time`).textContent(), "4 March 2024");
      assert.match((await page.locator(sel.status).textContent()) ?? "", /about 1 result\b/);
    });

    await check("a 5xx answer shows the generic 'unavailable' message", async () => {
      await submitQuery(page, "unavailable-probe");
      await settled(page);
      const text = (await page.locator(sel.message).textContent()) ?? "";
      assert.match(text, /The search service is unavailable, try again/);
      assert.doesNotMatch(text, /database is gone/);
    });
    await page.unroute(isCanned);

    // 7. Whole-run properties.
    await check("API calls are relative to the page (api/search), with only q/page/size", async () => {
      const expected = new URL("api/search", base).pathname;
      assert.ok(apiRequests.length > 0);
      for (const raw of apiRequests) {
        const u = new URL(raw);
        assert.equal(u.origin, base.origin, raw);
        assert.equal(u.pathname, expected, raw);
        const keys = [...u.searchParams.keys()].filter((k) => !["q", "page", "size"].includes(k));
        assert.deepEqual(keys, [], `extra parameters in ${raw}`);
        assert.ok((u.searchParams.get("q") ?? "").trim(), `empty q sent: ${raw}`);
      }
    });

    await check("no page errors, no CSP violations, no requests beyond 127.0.0.1", async () => {
      assert.deepEqual(problems, []);
      assert.deepEqual(external, []);
    });
  } finally {
    await context.close().catch(() => {});
    await fs.rm(userDataDir, { recursive: true, force: true }).catch(() => {});
  }
}

try {
  await main();
} catch (err) {
  failed += 1;
  console.log(`not ok ${passed + failed} - test run aborted: ${err && err.stack ? err.stack : err}`);
}
console.log(`screenshots: ${ARTIFACT_DIR}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

// Issue #3, check 5: the document view: open "Read the release", marks where the API says the
// matches are, Jump to first match, the permalink in a fresh page, the citation, Back to the same
// results page with sensible focus and scroll, and a missing release.

import assert from "node:assert/strict";
import { newPage } from "../lib/browser.mjs";
import { check } from "../lib/report.mjs";
import { eventually } from "../lib/wait.mjs";
import {
  apiDoc, apiSearch, longDate, readHits, sel, stateUrl, statusText, urlState, whenSearched,
} from "../lib/dateline.mjs";

const PHRASE = '"health care fraud"';
const OPENED = 6; // a hit below the fold, so that coming back has to restore the scroll

/** The marked words the API's byte ranges select in `text` (UTF-8 offsets). */
function matchedTexts(text, ranges) {
  const bytes = Buffer.from(text, "utf8");
  return words(ranges.map((r) => bytes.subarray(r.start, r.start + r.length).toString("utf8")));
}

/** Marked texts as words: the page may join the marks of adjacent words ("health care"). */
const words = (texts) => texts.join(" ").split(/\s+/).filter(Boolean);

async function openDocumentView(page, scope = page) {
  await scope.locator(sel.document).waitFor({ state: "visible" });
  await scope.locator(`${sel.docBody} p`).first().waitFor({ state: "attached" });
}

export default async function documentView({ browser, main }) {
  const results = await apiSearch(main.url, { q: PHRASE });
  const hit = results.hits[OPENED];
  const doc = await apiDoc(main.url, hit.id, PHRASE);
  const page = await newPage(browser, { viewport: { width: 1280, height: 700 } });
  let permalink = "";
  try {
    await whenSearched(page, page, () => page.goto(stateUrl(main.url, { q: PHRASE })));
    const resultsUrl = page.url();

    await check(`document: "Read the release" of hit ${OPENED + 1} opens its view (doc in the URL, q kept)`, async () => {
      await eventually(async () => assert.equal((await readHits(page))[OPENED]?.title, hit.title));
      const read = page.locator(sel.hit).nth(OPENED).locator(sel.hitRead);
      assert.equal((await read.textContent())?.trim(), "Read the release");
      await read.scrollIntoViewIfNeeded();
      await read.click();
      await openDocumentView(page);
      assert.deepEqual(urlState(page), { q: PHRASE, doc: hit.id });
      assert.equal((await page.locator(sel.docTitle).textContent())?.trim(), doc.title);
      assert.equal(await page.locator(sel.results).isVisible(), false, "results still shown beside the document");
    });

    await check("document: the body marks exactly the API's match ranges; the title its title matches", async () => {
      const expectedBody = matchedTexts(doc.body, doc.matches);
      assert.ok(expectedBody.length > 0, "the API located no matches");
      const body = words(await page.locator(`${sel.docBody} mark`).allTextContents());
      assert.deepEqual(body, expectedBody);
      const title = words(await page.locator(`${sel.docTitle} mark`).allTextContents());
      assert.deepEqual(title, matchedTexts(doc.title, doc.title_matches));
      const paragraphs = await page.locator(`${sel.docBody} > p`).count();
      assert.equal(paragraphs, doc.body.split(/\n\s*\n/).filter((p) => p.trim()).length, "one <p> per paragraph");
    });

    await check("document: Jump to first match focuses the first mark and scrolls it into view", async () => {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator(sel.docJump).click();
      await eventually(async () => {
        const state = await page.evaluate((bodySel) => {
          const first = document.querySelector(`${bodySel} mark`);
          const active = document.activeElement;
          const box = first.getBoundingClientRect();
          return {
            focusedFirst: active === first || (active !== document.body && active.contains(first)),
            active: active?.outerHTML.slice(0, 80),
            visible: box.top >= 0 && box.bottom <= window.innerHeight,
          };
        }, sel.docBody);
        assert.ok(state.focusedFirst, `focus is on ${state.active}`);
        assert.ok(state.visible, "the first mark is outside the viewport");
      });
    });

    await check("document: the citation names issuer, title, date and URL", async () => {
      const text = ((await page.locator(sel.citation).textContent()) ?? "").replace(/\s+/g, " ");
      for (const part of [doc.source, doc.title, longDate(doc.date), doc.url]) {
        assert.ok(text.includes(part), `citation "${text}" lacks "${part}"`);
      }
      assert.equal(await page.locator("button.dateline__copy-citation").count(), 1);
    });

    await check("document: Copy citation puts the citation on the clipboard and says so in the status", async () => {
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(main.url).origin });
      const citation = ((await page.locator(sel.citation).textContent()) ?? "").trim();
      await page.locator("button.dateline__copy-citation").click();
      await eventually(async () => assert.match(await statusText(page), /Copied/));
      assert.equal((await page.evaluate(() => navigator.clipboard.readText())).trim(), citation);
    });

    await check("document: the permalink is absolute and opens the same view in a fresh page", async () => {
      permalink = (await page.locator(sel.permalink).getAttribute("href")) ?? "";
      assert.ok(permalink.startsWith(main.url), `permalink ${permalink}`);
      assert.equal(new URL(permalink).searchParams.get("doc"), hit.id);
      const fresh = await newPage(browser);
      try {
        await fresh.goto(permalink);
        await openDocumentView(fresh);
        assert.equal((await fresh.locator(sel.docTitle).textContent())?.trim(), doc.title);
        const marks = words(await fresh.locator(`${sel.docBody} mark`).allTextContents());
        assert.deepEqual(marks, matchedTexts(doc.body, doc.matches));
      } finally {
        await fresh.context().close();
      }
    });

    await check("document: Back to results returns to the same results, the opened hit in view and focused", async () => {
      await page.locator(sel.docBack).click();
      await eventually(async () => {
        assert.equal(page.url(), resultsUrl);
        assert.deepEqual((await readHits(page)).map((h) => h.title), results.hits.map((h) => h.title));
        const state = await page.evaluate(({ hitSel, index }) => {
          const item = document.querySelectorAll(hitSel)[index];
          const active = document.activeElement;
          const box = item.getBoundingClientRect();
          return {
            focusInHit: item.contains(active),
            active: active?.outerHTML.slice(0, 80) ?? "none",
            visible: box.bottom > 0 && box.top < window.innerHeight,
          };
        }, { hitSel: sel.hit, index: OPENED });
        assert.ok(state.focusInHit, `focus is on ${state.active}, not in the opened hit`);
        assert.ok(state.visible, "the opened hit is scrolled out of view");
      });
    });

    await check("document: an unknown release id says so and links back to the results", async () => {
      await page.goto(stateUrl(main.url, { q: PHRASE, doc: "no-such-release" }));
      const message = page.locator(`${sel.message}:visible`);
      await message.first().waitFor({ state: "visible" });
      const text = ((await message.first().textContent()) ?? "").replace(/\s+/g, " ");
      assert.match(text, /not in the archive|not (be )?found|no such release|does not exist/i, `message: ${text}`);
      const back = message.first().locator("a");
      assert.ok(await back.count() > 0, "no link back");
      await whenSearched(page, page, () => back.first().click());
      await eventually(async () => {
        assert.deepEqual(urlState(page), { q: PHRASE });
        assert.ok((await readHits(page)).length > 0, "no results after the link back");
      });
    });
  } finally {
    await page.context().close();
  }
}

// The page as web/ promises it: the class names and state keys of its DOM contract, reading
// hits and state, and waiting for a search to finish.
// `scope` is a Page or a Frame; Playwright's CSS selectors reach into open shadow roots, so the
// same functions read the <dateline-search> component.

import { TIMEOUT_MS } from "./wait.mjs";

export const sel = {
  root: ".dateline",
  idle: ".dateline:not(.is-busy)",
  input: "input.dateline__input",
  submit: "button.dateline__submit",
  status: ".dateline__status",
  hit: "li.dateline__hit",
  hitLink: "a.dateline__hit-link",
  hitRead: "a.dateline__hit-read",
  results: "ol.dateline__results",
  pager: "nav.dateline__pager",
  next: 'nav.dateline__pager a[rel="next"]',
  prev: 'nav.dateline__pager a[rel="prev"]',
  current: 'nav.dateline__pager [aria-current="page"]',
  sourceFacet: "fieldset.dateline__facet--source",
  langFacet: "fieldset.dateline__facet--lang",
  facetOption: "label.dateline__facet-option",
  chip: "ul.dateline__active button.dateline__chip",
  from: "input.dateline__from",
  to: "input.dateline__to",
  datesApply: "button.dateline__dates-apply",
  datesError: ".dateline__dates-error",
  bar: "rect.dateline__bar",
  tip: ".dateline__timeline-tip",
  message: ".dateline__message",
  errorMessage: ".dateline__message--error",
  emptyMessage: ".dateline__message--empty",
  intro: ".dateline__message--intro",
  document: "article.dateline__document",
  docBack: "a.dateline__doc-back",
  docTitle: "h2.dateline__doc-title",
  docBody: ".dateline__doc-body",
  docJump: "button.dateline__doc-jump",
  permalink: "a.dateline__doc-permalink",
  citation: ".dateline__citation",
};

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December"];

/** "2016-03-04..." -> "4 March 2016", the page's date format. */
export function longDate(iso) {
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** URLSearchParams from an object whose array values repeat the key. */
export function params(object) {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(object)) {
    for (const one of [value].flat()) out.append(key, String(one));
  }
  return out;
}

/** The page URL of a state: base + "?" + query string. */
export function stateUrl(baseUrl, state = {}) {
  const url = new URL(baseUrl);
  url.search = params(state).toString();
  return url.href;
}

/** GET api/search straight from node (the reference the page is compared with). */
export async function apiSearch(baseUrl, query) {
  const url = new URL("api/search", baseUrl);
  url.search = params(query).toString();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

export async function apiDoc(baseUrl, id, q) {
  const url = new URL(`api/doc/${encodeURIComponent(id)}`, baseUrl);
  if (q) url.searchParams.set("q", q);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

/** A search of the results (not the timeline's context fetch with size=1). */
const isMainSearch = (url) => {
  const parsed = new URL(url);
  return parsed.pathname.endsWith("/api/search") && parsed.searchParams.get("size") !== "1";
};

/**
 * Runs `action`, then waits until the root is no longer busy (the page marks it busy as soon as
 * it starts a request). Resolves to { request: URL, answer: JSON } of the last search the action
 * sent, or { request: null, answer: null } when the page answered from its cache.
 * `expectRequest`: the state is new to the page, so wait for its request (and fail without one).
 */
export async function whenSearched(page, scope, action, { expectRequest = false } = {}) {
  const sent = [];
  const onRequest = (req) => { if (isMainSearch(req.url())) sent.push(req); };
  page.on("request", onRequest);
  const first = expectRequest ? page.waitForRequest((req) => isMainSearch(req.url()), { timeout: TIMEOUT_MS }) : null;
  first?.catch(() => {}); // when the action fails first, its error is the one reported
  try {
    await action();
    if (first) await first;
    await scope.locator(sel.idle).waitFor({ state: "attached" });
    const last = sent.at(-1);
    if (!last) return { request: null, answer: null };
    const response = await last.response();
    return { request: new URL(last.url()), answer: response ? await response.json().catch(() => null) : null };
  } finally {
    page.off("request", onRequest);
  }
}

/** Types a query into the search box and submits it with Enter (a query new to the page). */
export async function searchFor(page, scope, text) {
  return whenSearched(page, scope, async () => {
    await scope.locator(sel.input).fill(text);
    await scope.locator(sel.input).press("Enter");
  }, { expectRequest: true });
}

/** The listed hits as plain data. */
export function readHits(scope) {
  return scope.locator(sel.hit).evaluateAll((items) => items.map((li) => ({
    title: li.querySelector(".dateline__hit-title")?.textContent.trim() ?? "",
    link: li.querySelector("a.dateline__hit-link")?.getAttribute("href") ?? null,
    datetime: li.querySelector("time.dateline__hit-date")?.getAttribute("datetime") ?? "",
    date: li.querySelector("time.dateline__hit-date")?.textContent.trim() ?? "",
    source: li.querySelector(".dateline__hit-source")?.textContent.trim() ?? "",
    place: li.querySelector(".dateline__hit-place")?.textContent.trim() ?? "",
    marks: [...li.querySelectorAll("p.dateline__hit-snippet mark")].map((m) => m.textContent),
    read: li.querySelector("a.dateline__hit-read")?.getAttribute("href") ?? null,
  })));
}

export async function statusText(scope) {
  return ((await scope.locator(sel.status).textContent()) ?? "").replace(/\s+/g, " ").trim();
}

/** The number announced in the status ("1,234 results"), or null. */
export function countIn(text) {
  const found = /([\d,]+)\s+results?\b/.exec(text);
  return found ? Number(found[1].replace(/,/g, "")) : null;
}

/** The page's URL state as a plain object (repeated keys as arrays, sorted). */
export function urlState(page) {
  const search = new URL(page.url()).searchParams;
  const state = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    state[key] = values.length > 1 ? values.sort() : values[0];
  }
  return state;
}

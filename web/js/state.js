// The page state and its query string. The same keys live in the URL (urlStore) and in memory
// (memoryStore), so every view of the page can be bookmarked, shared and restored by Back.

export const SORTS = ["relevance", "newest", "oldest"];
const API_SORT = { relevance: "", newest: "-date", oldest: "date" };
const MAX_VALUES = 20; // the API's limit for a repeatable filter
const MAX_PAGE = 1000; // the API refuses page × size beyond 10000 (size 10)

export function emptyState() {
  return { q: "", page: 1, sort: "relevance", from: "", to: "", source: [], lang: [], doc: "", embed: false };
}

/** True for YYYY, YYYY-MM or YYYY-MM-DD naming a real day, month or year. */
export function isDate(text) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(text));
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(0); // setUTCFullYear, unlike Date.UTC, reads years below 100 as written
  last.setUTCFullYear(Number(m[1]), month, 0);
  return day <= last.getUTCDate();
}

// The first and last day a partial date covers, as sortable strings.
const firstDay = (d) => (d + "-01-01").slice(0, 10);
const lastDay = (d) => (d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d);

/** True when both dates are set and the range is empty (the API would refuse it). */
export function isBackwards(from, to) {
  return Boolean(from && to) && firstDay(from) > lastDay(to);
}

function cleanList(values) {
  const seen = new Set();
  for (const v of Array.isArray(values) ? values : values ? [values] : []) {
    const text = String(v).trim();
    if (text && text.length <= 200 && seen.size < MAX_VALUES) seen.add(text);
  }
  return [...seen];
}

/** A complete, valid state from any partial object; bad values are dropped. */
export function normalizeState(input = {}) {
  const s = emptyState();
  s.q = String(input.q ?? "").trim();
  const page = Number(input.page);
  if (Number.isInteger(page) && page >= 1 && page <= MAX_PAGE) s.page = page;
  if (SORTS.includes(input.sort)) s.sort = input.sort;
  if (isDate(input.from ?? "")) s.from = input.from;
  if (isDate(input.to ?? "")) s.to = input.to;
  if (isBackwards(s.from, s.to)) s.to = "";
  s.source = cleanList(input.source);
  s.lang = cleanList(input.lang);
  const doc = String(input.doc ?? "");
  if (doc.length <= 2048) s.doc = doc;
  s.embed = input.embed === true || input.embed === "1";
  return s;
}

/** State from a query string such as location.search. */
export function parseState(search) {
  const p = new URLSearchParams(search);
  const page = p.get("page");
  return normalizeState({
    q: p.get("q") ?? "",
    page: page && /^\d{1,4}$/.test(page) ? Number(page) : 1,
    sort: p.get("sort") ?? "",
    from: p.get("from") ?? "",
    to: p.get("to") ?? "",
    source: p.getAll("source"),
    lang: p.getAll("lang"),
    doc: p.get("doc") ?? "",
    embed: p.get("embed") ?? "",
  });
}

// The words and filters, as both the page and the API name them.
function queryParams(state) {
  const p = new URLSearchParams();
  if (state.q) p.set("q", state.q);
  for (const v of state.source) p.append("source", v);
  for (const v of state.lang) p.append("lang", v);
  if (state.from) p.set("from", state.from);
  if (state.to) p.set("to", state.to);
  return p;
}

/** "?q=…&page=2" for a state; "" for the empty state. Defaults are left out. */
export function toSearch(state) {
  const p = queryParams(state);
  if (state.sort !== "relevance") p.set("sort", state.sort);
  if (state.page > 1) p.set("page", String(state.page));
  if (state.doc) p.set("doc", state.doc);
  if (state.embed) p.set("embed", "1");
  const text = p.toString();
  return text ? "?" + text : "";
}

export function sameState(a, b) {
  return toSearch(a) === toSearch(b);
}

export function hasFilters(state) {
  return Boolean(state.from || state.to || state.source.length || state.lang.length);
}

/** Whether the state asks for a search (the API takes filters without words). */
export function wantsSearch(state) {
  return Boolean(state.q) || hasFilters(state);
}

/** A new query or filter: back to page 1 and out of the document view. */
export function refine(state, change) {
  return { ...state, ...change, page: 1, doc: "" };
}

/** The results state a document view came from. */
export function resultsOf(state) {
  return { ...state, doc: "" };
}

/** Parameters for api/search. */
export function searchParams(state, { size = 10, facets = "" } = {}) {
  const p = queryParams(state);
  if (API_SORT[state.sort]) p.set("sort", API_SORT[state.sort]);
  p.set("page", String(state.page));
  p.set("size", String(size));
  if (facets) p.set("facets", facets);
  return p;
}

// The list of hits, the did-you-mean line and the pager.

import { h, navLink } from "./dom.js";
import { formatDate, formatNumber, languageName, pageCount, safeHref } from "./format.js";
import { refine } from "./state.js";

let counter = 0;

function renderHit(doc, hit, readHref, external) {
  const titleId = `dateline-hit-${++counter}`;
  // The release's language on its own words only, not on the page's English labels.
  const lang = hit.lang || null;
  const title = h(doc, "h2.dateline__hit-title", { id: titleId, lang });
  const href = safeHref(hit.url, doc.baseURI);
  const titleBox = href ? h(doc, "a.dateline__hit-link", { href, ...external }) : h(doc, "span.dateline__hit-text");
  // The one kind of HTML taken from the server: escaped text plus <mark>.
  if (hit.title_html) titleBox.innerHTML = String(hit.title_html);
  else titleBox.textContent = String(hit.title || "").trim() || "(untitled)";
  title.append(titleBox);

  const meta = h(doc, "p.dateline__hit-meta");
  const date = formatDate(hit.date);
  if (date) meta.append(h(doc, "time.dateline__hit-date", { datetime: date.datetime }, date.text));
  if (hit.source) meta.append(h(doc, "span.dateline__hit-source", {}, String(hit.source)));
  if (hit.place) meta.append(h(doc, "span.dateline__hit-place", {}, String(hit.place)));
  if (hit.lang && hit.lang !== "en") meta.append(h(doc, "span.dateline__hit-lang", {}, languageName(hit.lang)));

  const snippet = hit.snippet_html ? h(doc, "p.dateline__hit-snippet", { lang }) : null;
  if (snippet) snippet.innerHTML = String(hit.snippet_html);

  const read = navLink(doc, "dateline__hit-read", readHref, "Read the release");
  read.setAttribute("aria-describedby", titleId);
  read.dataset.docId = String(hit.id);
  const more = hit.duplicates > 0
    ? h(doc, "span.dateline__hit-duplicates", {}, `+${formatNumber(hit.duplicates)} similar`)
    : null;

  return h(doc, "li.dateline__hit", {}, title, meta.childElementCount ? meta : null, snippet,
    h(doc, "p.dateline__hit-actions", {}, read, more));
}

export function renderHits(refs, state, data, href) {
  const doc = refs.root.ownerDocument;
  const size = Number(data.size) || 10;
  refs.results.start = (state.page - 1) * size + 1;
  refs.results.replaceChildren(...data.hits.map((hit) =>
    renderHit(doc, hit, href({ ...state, doc: String(hit.id) }), refs.external)));
  refs.results.hidden = false;
}

export function renderSuggestion(refs, state, data, href) {
  const doc = refs.root.ownerDocument;
  const s = data.suggestion;
  if (!s || typeof s.query !== "string" || !s.query) {
    refs.suggestion.hidden = true;
    refs.suggestion.replaceChildren();
    return;
  }
  refs.suggestion.replaceChildren("Did you mean ",
    navLink(doc, "dateline__suggestion-link", href(refine(state, { q: s.query })), s.query),
    `? (${formatNumber(Number(s.total) || 0)} ${s.total === 1 ? "result" : "results"})`);
  refs.suggestion.hidden = false;
}

// Page numbers around the current one, with the first and last: 1 … 4 5 [6] 7 8 … 40.
function pageWindow(page, last) {
  const pages = new Set([1, last]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= last) pages.add(p);
  return [...pages].sort((a, b) => a - b);
}

export function renderPager(refs, state, data, href) {
  const doc = refs.root.ownerDocument;
  const pages = Math.min(pageCount(Number(data.total) || 0, Number(data.size) || 10) || 1, 1000);
  if (pages <= 1 || !data.hits.length) {
    refs.pager.hidden = true;
    refs.pager.replaceChildren();
    return;
  }
  const link = (page, text, rel, label) => {
    const a = navLink(doc, "dateline__pager-link", href({ ...state, page }), text);
    if (rel) a.rel = rel;
    if (label) a.setAttribute("aria-label", label);
    if (page === state.page) a.setAttribute("aria-current", "page");
    return a;
  };
  const items = [];
  if (state.page > 1) items.push(link(state.page - 1, "← Previous", "prev", "Previous page"));
  let prior = 0;
  for (const p of pageWindow(state.page, pages)) {
    if (p > prior + 1) items.push(h(doc, "span.dateline__pager-gap", { "aria-hidden": "true" }, "…"));
    items.push(link(p, formatNumber(p), "", `Page ${p}`));
    prior = p;
  }
  if (state.page < pages) items.push(link(state.page + 1, "Next →", "next", "Next page"));
  refs.pager.replaceChildren(h(doc, "ul.dateline__pager-list", {}, items.map((item) => h(doc, "li", {}, item))));
  refs.pager.hidden = false;
}

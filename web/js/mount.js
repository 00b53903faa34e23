// mountSearch(root, {endpoint, store, compact}): the whole search UI inside root, for the page
// (state in the URL) and for the <dateline-search> component (state in memory, maybe in a
// shadow root, maybe on another origin). Every change goes through the store; one render
// function turns a state into requests and views.

import { ApiError, createApi } from "./api.js";
import { hideDocument, renderDocument } from "./document-view.js";
import { bindFilters, renderChips, renderFacets, syncControls } from "./filters-view.js";
import { formatCount } from "./format.js";
import { hideMessage, showEmpty, showError, showIntro, showMissingDocument, showPastEnd } from "./messages.js";
import { buildMarkup } from "./markup.js";
import { renderHits, renderPager, renderSuggestion } from "./results-view.js";
import {
  hasFilters, normalizeState, parseState, refine, resultsOf, sameState, searchParams, wantsSearch,
} from "./state.js";
import { urlStore } from "./store.js";
import { createTimeline } from "./timeline.js";

const LOADING_DELAY_MS = 150;
const CACHE_SIZE = 20;

// The same width as style.css's two-column layout: beside the results the filters stay open;
// above them, on a narrow screen, they start folded so that the results come first.
function openFiltersWhenWide(win, details) {
  const wide = win.matchMedia("(min-width: 52rem)");
  const apply = () => { details.open = wide.matches; };
  apply();
  wide.addEventListener("change", apply);
}

export function mountSearch(root, options = {}) {
  const doc = root.ownerDocument;
  const win = doc.defaultView;
  const store = options.store || urlStore(win);
  const compact = Boolean(options.compact);
  const inShadow = root.getRootNode() !== doc;
  const api = createApi(options.endpoint || "", doc.baseURI);
  const href = (state) => store.href(normalizeState(state));
  const refs = buildMarkup(root, { compact, inShadow, href });
  const pageTitle = doc.title;
  if (!compact) openFiltersWhenWide(win, refs.filtersToggle);

  let current = store.read();
  let controller = null;
  let loadingTimer = 0;
  let focusIntent = null; // where focus goes once the next render is done
  let lastRead = null; // {id, results}: the release last shown and the results it came from
  const cache = new Map();

  function go(state, focus = null) {
    const next = normalizeState(state);
    focusIntent = focus;
    if (sameState(next, current)) store.replace(next);
    else store.push(next);
  }

  const timeline = createTimeline(refs.timelineBody, {
    onSelect: ({ from, to }) => go(refine(current, { from: from || "", to: to || "" })),
  });

  function announce(text) {
    refs.status.textContent = text;
  }

  function setBusy(busy) {
    root.classList.toggle("is-busy", busy);
    refs.results.setAttribute("aria-busy", busy ? "true" : "false");
    win.clearTimeout(loadingTimer);
    if (busy) {
      loadingTimer = win.setTimeout(() => {
        refs.loading.hidden = false;
        announce("Searching…");
      }, LOADING_DELAY_MS);
    } else {
      refs.loading.hidden = true;
    }
  }

  async function cached(key, fetcher) {
    if (cache.has(key)) return cache.get(key);
    const value = await fetcher();
    cache.set(key, value);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value);
    return value;
  }

  function hideResults() {
    refs.results.hidden = true;
    refs.results.replaceChildren();
    refs.pager.hidden = true;
    refs.suggestion.hidden = true;
  }

  function showTimeline(months, estimated) {
    const list = Array.isArray(months) ? months : [];
    refs.timeline.hidden = list.length === 0;
    if (list.length) timeline.update(list, { from: current.from, to: current.to, estimated });
  }

  function applyFocus(kind) {
    if (kind === "input") refs.input.focus();
    else if (kind === "results" && !refs.results.hidden) {
      refs.results.focus({ preventScroll: true });
      refs.results.scrollIntoView({ block: "start" });
    } else if (kind === "document") {
      refs.documentView.focus({ preventScroll: true });
      root.scrollIntoView({ block: "start" });
    } else if (kind === "chips") {
      (refs.active.querySelector("button") || refs.input).focus();
    } else if (lastRead && sameState(lastRead.results, current)) {
      // Back from a release: return to its hit in the list.
      const read = [...refs.results.querySelectorAll(".dateline__hit-read")]
        .find((a) => a.dataset.docId === lastRead.id);
      if (read) {
        read.focus({ preventScroll: true });
        read.closest(".dateline__hit").scrollIntoView({ block: "center" });
      }
      lastRead = null;
    }
  }

  async function runSearch(state, signal) {
    const withDates = Boolean(state.from || state.to);
    const params = searchParams(state, { facets: withDates ? "source,lang" : "source,lang,month" });
    // With a date range the chart shows the same search over all dates, for context.
    const wide = { ...state, page: 1, sort: "relevance", from: "", to: "" };
    // With no words or other filters left, the API needs one: every dated release.
    if (!wantsSearch(wide)) wide.from = "0001";
    const context = withDates ? searchParams(wide, { size: 1, facets: "month" }) : null;
    const [data, around] = await Promise.all([
      cached("s?" + params, () => api.search(params, signal)),
      context ? cached("s?" + context, () => api.search(context, signal)) : null,
    ]);
    if (signal.aborted) return;
    if (!Array.isArray(data.hits)) throw new ApiError("unavailable", "The search server sent an answer this page cannot read.");
    const facets = data.facets || {};
    renderFacets(refs, state, facets, data.facets_are_estimates === true);
    const chart = around || data;
    showTimeline(chart.facets && chart.facets.month, chart.facets_are_estimates === true);
    renderSuggestion(refs, state, data, href);
    const total = Number(data.total) || 0;
    if (!data.hits.length) {
      if (total > 0 && state.page > 1) showPastEnd(refs, state.page, href({ ...state, page: 1 }));
      else showEmpty(refs, state.q, hasFilters(state) ? () => go(refine(state, { from: "", to: "", source: [], lang: [] }), "input") : null);
      announce(formatCount(0, false));
      return;
    }
    renderHits(refs, state, data, href);
    renderPager(refs, state, data, href);
    const count = formatCount(total, Boolean(data.total_is_estimate));
    announce(state.page > 1 ? `${count}, page ${state.page}` : count);
  }

  async function runDocument(state, signal) {
    let data = null;
    try {
      data = await cached(`d/${state.doc}?${state.q}`, () => api.document(state.doc, state.q, signal));
    } catch (err) {
      if (!(err instanceof ApiError) || err.kind !== "not-found") throw err;
    }
    if (signal.aborted) return;
    hideResults();
    refs.timeline.hidden = true;
    hideDocument(refs);
    const results = resultsOf(state);
    if (!data) {
      showMissingDocument(refs, href(results));
      announce("This release is not in the archive.");
      return;
    }
    hideMessage(refs);
    // The permalink opens the full page, also from an iframe.
    const permalink = new URL(href(state), doc.baseURI);
    permalink.searchParams.delete("embed");
    renderDocument(refs, data, { back: href(results), permalink: permalink.href }, announce);
    lastRead = { id: state.doc, results };
    announce(`Showing the release: ${data.title || "untitled"}.`);
    if (!inShadow) doc.title = `${data.title || "Release"} – ${pageTitle}`;
  }

  async function render(state) {
    current = state;
    const focus = focusIntent;
    focusIntent = null;
    if (refs.input.value.trim() !== state.q) refs.input.value = state.q;
    syncControls(refs, state);
    renderChips(refs, state);
    if (!inShadow) doc.title = state.q ? `${state.q} – ${pageTitle}` : pageTitle;
    root.classList.toggle("is-reading", Boolean(state.doc));

    if (controller) controller.abort();
    controller = null;
    if (!state.doc && !wantsSearch(state)) {
      setBusy(false);
      hideResults();
      hideDocument(refs);
      refs.timeline.hidden = true;
      renderFacets(refs, state, {});
      showIntro(refs, href);
      announce("");
      applyFocus(focus);
      return;
    }

    const mine = new AbortController();
    controller = mine;
    setBusy(true);
    try {
      if (state.doc) {
        await runDocument(state, mine.signal);
      } else {
        hideMessage(refs);
        hideDocument(refs);
        await runSearch(state, mine.signal);
      }
    } catch (err) {
      if (mine.signal.aborted || (err && err.name === "AbortError")) return;
      const error = err instanceof ApiError ? err : new ApiError("unavailable", String(err && err.message));
      hideResults();
      hideDocument(refs);
      refs.timeline.hidden = true;
      announce(showError(refs, error, error.kind === "request" ? null : () => render(current)));
    } finally {
      if (controller === mine) {
        controller = null;
        setBusy(false);
      }
    }
    if (!mine.signal.aborted) applyFocus(focus);
  }

  // Links inside the UI that change the state instead of loading a page.
  root.addEventListener("click", (event) => {
    const link = event.target.closest ? event.target.closest("a[data-dl-nav]") : null;
    if (!link || !root.contains(link) || event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const target = parseState(new URL(link.href, doc.baseURI).search);
    if (link.classList.contains("dateline__doc-back")) {
      const previous = store.previous();
      if (previous && sameState(previous, resultsOf(current))) {
        store.back();
        return;
      }
    }
    const focus = link.closest(".dateline__pager") ? "results"
      : target.doc ? "document"
      : link.classList.contains("dateline__doc-back") ? null : "input";
    go(target, focus);
  });

  refs.form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = refs.input.value.trim();
    go(refine(current, { q }), q || hasFilters(current) ? null : "input");
  });

  bindFilters(refs, () => current, go);
  store.replace(current); // drops unknown and malformed values from the address
  store.subscribe((state) => render(state));
  render(current);
  return { store };
}

// Dateline search page: wires the URL state, the API and the view together.
// No globals; the root element is the first `.dateline` and may set data-endpoint.

import { SearchError, searchApi } from "./js/api.js";
import { readState, sameState, toApiParams, toQueryString } from "./js/state.js";
import { createView } from "./js/view.js";

function start(root) {
  const endpoint = root.dataset.endpoint || "api/search";
  const form = root.querySelector("form.dateline__form");
  const input = root.querySelector(".dateline__input");
  const view = createView(root);

  let inFlight = null;
  let sequence = 0;

  async function render(state, { focusResults = false } = {}) {
    view.setQuery(state.q);
    if (inFlight) inFlight.abort();
    inFlight = null;
    const mine = ++sequence;

    if (!state.q) {
      view.showIntro();
      return;
    }

    const controller = new AbortController();
    inFlight = controller;
    view.showLoading();
    try {
      const data = await searchApi(endpoint, toApiParams(state), controller.signal);
      if (mine !== sequence) return;
      view.showResults(state, data);
      if (focusResults) view.focusResults();
    } catch (err) {
      if (mine !== sequence || (err && err.name === "AbortError")) return;
      view.showError(err instanceof SearchError ? err : new SearchError("unavailable", String(err)));
    } finally {
      if (inFlight === controller) inFlight = null;
    }
  }

  function navigate(state, options) {
    const url = toQueryString(state) || location.pathname;
    if (sameState(state, readState(location.search))) {
      history.replaceState(null, "", url);
    } else {
      history.pushState(null, "", url);
    }
    render(state, options);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = input.value.trim();
    navigate({ q, page: 1 });
    if (!q) view.focusInput();
  });

  // Links inside the widget that stay on this page (examples, pager, home).
  root.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-dl-nav]") : null;
    if (!link || !root.contains(link)) return;
    if (event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = new URL(link.href, document.baseURI);
    if (target.origin !== location.origin) return;
    event.preventDefault();
    const state = readState(target.search);
    navigate(state, { focusResults: link.closest(".dateline__pager") !== null });
    if (!state.q) view.focusInput();
  });

  window.addEventListener("popstate", () => render(readState(location.search)));

  render(readState(location.search));
}

const root = document.querySelector(".dateline");
if (root) start(root);

// Everything that touches the DOM. Text goes in with textContent; the only HTML
// is the server's snippet_html (text escaped by Xapian, plus <mark> from the server).

import { formatCount, formatDate, pageCount, safeHref } from "./format.js";
import { toQueryString } from "./state.js";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function createView(root) {
  const $ = (selector) => {
    const node = root.querySelector(selector);
    if (!node) throw new Error(`dateline: missing ${selector} inside the root element`);
    return node;
  };
  const refs = {
    input: $(".dateline__input"),
    status: $(".dateline__status"),
    intro: $(".dateline__intro"),
    message: $(".dateline__message"),
    results: $(".dateline__results"),
    pager: $(".dateline__pager"),
  };
  const baseTitle = document.title;

  function setBusy(busy) {
    root.classList.toggle("is-busy", busy);
    refs.results.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function clearOutput() {
    refs.message.hidden = true;
    refs.message.replaceChildren();
    refs.results.hidden = true;
    refs.results.replaceChildren();
    refs.pager.hidden = true;
    refs.pager.replaceChildren();
  }

  function showMessage(kind, title, detail) {
    refs.message.className = `dateline__message dateline__message--${kind}`;
    refs.message.replaceChildren(el("p", "dateline__message-title", title));
    if (detail) refs.message.append(el("p", "dateline__message-detail", detail));
    refs.message.hidden = false;
  }

  function setStatus(parts, quiet = false) {
    refs.status.replaceChildren(...parts);
    refs.status.classList.toggle("dateline__status--quiet", quiet);
  }

  function renderHit(hit) {
    const item = el("li", "dateline__hit");

    const heading = el("h2", "dateline__hit-title");
    const title = String(hit.title ?? "").trim() || "(untitled)";
    const href = safeHref(hit.url, document.baseURI);
    if (href) {
      const link = el("a", "dateline__hit-link", title);
      link.href = href;
      heading.append(link);
    } else {
      heading.append(el("span", "dateline__hit-text", title));
    }
    item.append(heading);

    const meta = el("p", "dateline__hit-meta");
    const date = formatDate(hit.date);
    if (date) {
      const time = el("time", "dateline__hit-date", date.text);
      time.dateTime = date.datetime;
      meta.append(time);
    } else if (hit.date) {
      meta.append(el("span", "dateline__hit-date", String(hit.date)));
    }
    if (hit.source) meta.append(el("span", "dateline__hit-source", String(hit.source)));
    if (hit.place) meta.append(el("span", "dateline__hit-place", String(hit.place)));
    if (meta.childElementCount) item.append(meta);

    if (hit.snippet_html) {
      const snippet = el("p", "dateline__hit-snippet");
      snippet.innerHTML = String(hit.snippet_html); // the one allowed innerHTML (see STYLE.md 10)
      item.append(snippet);
    }
    return item;
  }

  function pagerLink(state, page, label, rel) {
    const target = { ...state, page };
    const link = el("a", `dateline__pager-link dateline__pager-link--${rel}`, label);
    link.href = toQueryString(target) || "./";
    if (rel === "prev" || rel === "next") link.rel = rel;
    link.dataset.dlNav = "";
    return link;
  }

  function pagerGap(label, rel) {
    const span = el("span", `dateline__pager-link dateline__pager-link--${rel} is-disabled`, label);
    span.setAttribute("aria-disabled", "true");
    return span;
  }

  function renderPager(state, data, pages) {
    const hasPrev = state.page > 1;
    const hasNext = pages !== null ? state.page < pages : data.hits.length >= data.size;
    if (!hasPrev && !hasNext) return;
    const position = pages !== null
      ? `Page ${state.page} of ${data.total_is_estimate ? "about " : ""}${pages}`
      : `Page ${state.page}`;
    refs.pager.replaceChildren(
      hasPrev ? pagerLink(state, state.page - 1, "← Previous", "prev") : pagerGap("← Previous", "prev"),
      el("span", "dateline__pager-position", position),
      hasNext ? pagerLink(state, state.page + 1, "Next →", "next") : pagerGap("Next →", "next"),
    );
    refs.pager.hidden = false;
  }

  return {
    setQuery(q) {
      if (refs.input.value.trim() !== q) refs.input.value = q;
      document.title = q ? `${q} – ${baseTitle}` : baseTitle;
    },

    showIntro() {
      setBusy(false);
      clearOutput();
      setStatus([]);
      refs.intro.hidden = false;
    },

    showLoading() {
      refs.intro.hidden = true;
      setBusy(true);
      setStatus([el("span", "dateline__spinner"), document.createTextNode("Searching…")]);
    },

    showResults(state, data) {
      setBusy(false);
      clearOutput();
      refs.intro.hidden = true;
      const total = Number(data.total) || 0;
      const size = Number(data.size) || data.hits.length || 10;
      const pages = pageCount(total, size);

      const parts = [el("strong", "dateline__count", formatCount(total, Boolean(data.total_is_estimate)))];
      parts.push(document.createTextNode(" for "));
      // Quote the query unless the user already used quotes in it.
      parts.push(el(/["“”]/.test(state.q) ? "span" : "q", "dateline__query", state.q));
      if (state.page > 1 && data.hits.length) {
        parts.push(document.createTextNode(`, page ${state.page}`));
      }
      setStatus(parts);

      if (!data.hits.length) {
        if (state.page > 1 && total > 0) {
          showMessage("empty", `There is no page ${state.page} for this search.`,
            "Go back to the first page of results.");
          refs.message.append(pagerLink(state, 1, "First page", "first"));
        } else {
          const shown = /["“”]/.test(state.q) ? state.q : `“${state.q}”`;
          showMessage("empty", `No releases match ${shown}.`,
            "Try fewer words or check spelling.");
        }
        return;
      }

      refs.results.start = (state.page - 1) * size + 1;
      refs.results.replaceChildren(...data.hits.map(renderHit));
      refs.results.hidden = false;
      renderPager(state, data, pages);
    },

    showError(error) {
      setBusy(false);
      clearOutput();
      refs.intro.hidden = true;
      const title = error.kind === "request" ? "The search could not be run." : error.message;
      const detail = error.kind === "request" ? error.message : "";
      // The box shows the error; the (visually hidden) live region announces it.
      setStatus([document.createTextNode(detail ? `${title} ${detail}` : title)], true);
      showMessage("error", title, detail);
    },

    focusResults() {
      refs.results.focus({ preventScroll: true });
      root.scrollIntoView({ block: "start" });
    },

    focusInput() {
      refs.input.focus();
    },
  };
}

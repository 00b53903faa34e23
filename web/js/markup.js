// The one markup of the search UI, shared by the page and the <dateline-search> component.
// Built with DOM calls (no HTML strings), inside the root it is given.

import { h } from "./dom.js";

let counter = 0;

/** Fills root and returns references to the parts the views update. */
export function buildMarkup(root, { compact, inShadow, href }) {
  const doc = root.ownerDocument;
  const id = (name) => `dateline-${++counter}-${name}`;
  root.classList.add("dateline");
  root.classList.toggle("dateline--compact", compact);

  const inputId = id("q");
  const helpId = id("help");
  const input = h(doc, "input.dateline__input", {
    id: inputId, type: "search", name: "q", autocomplete: "off", spellcheck: "false",
    enterkeyhint: "search", "aria-describedby": helpId,
  });
  const form = h(doc, "form.dateline__form", { role: "search", method: "get" },
    h(doc, "label.dateline__label", { for: inputId }, "Search press releases"),
    h(doc, "div.dateline__field", {}, input,
      h(doc, "button.dateline__submit", { type: "submit" }, "Search")),
    h(doc, "p.dateline__help", { id: helpId },
      'Quotes find an exact phrase ("false claims act"); -word leaves a word out.'));

  // A page of its own (also in an iframe) has an h1; inside a host page it has none.
  const brand = inShadow ? null : h(doc, compact ? "h1.dateline__brand.dateline__hidden" : "h1.dateline__brand", {},
    h(doc, "a.dateline__home", { href: href({}), "data-dl-nav": true }, "Dateline"));

  const status = h(doc, "p.dateline__status", { role: "status", "aria-live": "polite", "aria-atomic": "true" });

  // Filters: the views fill them; the containers stay, so focus survives re-renders.
  const sortId = id("sort");
  const sort = h(doc, "select.dateline__sort", { id: sortId },
    h(doc, "option", { value: "relevance" }, "Relevance"),
    h(doc, "option", { value: "newest" }, "Newest first"),
    h(doc, "option", { value: "oldest" }, "Oldest first"));
  const fromId = id("from");
  const toId = id("to");
  const dateErrorId = id("date-error");
  const dateInput = (cls, inputId) => h(doc, "input." + cls, {
    id: inputId, type: "text", placeholder: "YYYY-MM-DD", size: "10", autocomplete: "off",
    "aria-describedby": dateErrorId,
  });
  const from = dateInput("dateline__from", fromId);
  const to = dateInput("dateline__to", toId);
  const dateError = h(doc, "p.dateline__dates-error", { id: dateErrorId, hidden: true });
  const datesClear = h(doc, "button.dateline__dates-clear", { type: "button", hidden: true }, "Clear dates");
  const dates = h(doc, "form.dateline__dates", { "aria-label": "Date range", novalidate: true },
    h(doc, "div.dateline__dates-fields", {},
      h(doc, "div.dateline__date", {}, h(doc, "label", { for: fromId }, "From"), from),
      h(doc, "div.dateline__date", {}, h(doc, "label", { for: toId }, "To"), to)),
    dateError,
    h(doc, "div.dateline__dates-actions", {},
      h(doc, "button.dateline__dates-apply", { type: "submit" }, "Apply"), datesClear));

  const facet = (name, legend) => h(doc, `fieldset.dateline__facet.dateline__facet--${name}`, { hidden: true },
    h(doc, "legend", {}, legend), h(doc, "div.dateline__facet-list"));
  const sourceFacet = facet("source", "Issuer");
  const langFacet = facet("lang", "Language");

  const filtersBody = h(doc, "div.dateline__filters", {},
    h(doc, "div.dateline__control", {}, h(doc, "label", { for: sortId }, "Sort by"), sort),
    h(doc, "fieldset.dateline__date-range", {},
      h(doc, "legend", {}, "Date"), dates),
    sourceFacet, langFacet);
  // Folded away in the compact layout and on narrow screens (mount.js opens it on wide ones,
  // where the summary is hidden), so that the results come first.
  const filtersToggle = h(doc, "details.dateline__filters-toggle", {},
    h(doc, "summary", {}, "Filters and sort", h(doc, "span.dateline__filters-count")), filtersBody);
  const sidebar = h(doc, "section.dateline__sidebar", { "aria-label": "Filters" }, filtersToggle);

  const active = h(doc, "ul.dateline__active", { "aria-label": "Active filters", hidden: true });
  const timelineHeading = id("timeline");
  const timelineBody = h(doc, "div.dateline__timeline-body");
  const timeline = h(doc, "section.dateline__timeline", { "aria-labelledby": timelineHeading, hidden: true },
    h(doc, "h2.dateline__timeline-title", { id: timelineHeading }, "Matches per month"), timelineBody);
  const suggestion = h(doc, "p.dateline__suggestion", { hidden: true });
  const message = h(doc, "div.dateline__message", { hidden: true });
  const loading = h(doc, "p.dateline__loading", { hidden: true },
    h(doc, "span.dateline__spinner", { "aria-hidden": "true" }), "Searching…");
  const results = h(doc, "ol.dateline__results", { "aria-label": "Search results", tabindex: "-1", hidden: true });
  const pager = h(doc, "nav.dateline__pager", { "aria-label": "Result pages", hidden: true });
  const documentView = h(doc, "article.dateline__document", { tabindex: "-1", hidden: true });
  const main = h(doc, inShadow ? "div.dateline__main" : "main.dateline__main", {},
    active, timeline, suggestion, loading, message, results, pager, documentView);

  root.replaceChildren(h(doc, "div.dateline__shell", {},
    h(doc, "header.dateline__header", {}, brand, form),
    status,
    h(doc, "div.dateline__layout", {}, sidebar, main)));

  return {
    // In the compact layout (an iframe, a narrow component) other sites open in a new tab.
    external: compact ? { target: "_blank", rel: "noopener" } : {},
    root, form, input, status, sort, dates, from, to, dateError, datesClear, sourceFacet, langFacet,
    filtersToggle, sidebar, active, timeline, timelineBody, suggestion, message, loading, results,
    pager, documentView, main,
  };
}

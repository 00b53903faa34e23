// Sort, date range, issuer and language facets, and the chips of the active filters.
// Every control applies at once through go(newState); the controls stay in place between
// searches, and a facet list restores focus to the same value after it is rebuilt.

import { h } from "./dom.js";
import { formatNumber, formatPartialDate, languageName } from "./format.js";
import { isBackwards, isDate, refine } from "./state.js";

const TOP = 10;

/** Wires the controls once. getState(): the current state; go(state): navigate. */
export function bindFilters(refs, getState, go) {
  refs.sort.addEventListener("change", () => go(refine(getState(), { sort: refs.sort.value })));

  refs.dates.addEventListener("submit", (event) => {
    event.preventDefault();
    const from = refs.from.value.trim();
    const to = refs.to.value.trim();
    const bad = [from && !isDate(from) ? refs.from : null, to && !isDate(to) ? refs.to : null].filter(Boolean);
    let problem = "";
    if (bad.length) problem = "Write a date as YYYY, YYYY-MM or YYYY-MM-DD, for example 2016-03.";
    else if (isBackwards(from, to)) problem = "The “From” date must not be after the “To” date.";
    showDateError(refs, problem, bad.length ? bad : problem ? [refs.from, refs.to] : []);
    if (problem) {
      (bad[0] || refs.from).focus();
      return;
    }
    go(refine(getState(), { from, to }));
  });

  refs.datesClear.addEventListener("click", () => {
    go(refine(getState(), { from: "", to: "" }));
    refs.from.focus();
  });

  for (const [facet, key] of [[refs.sourceFacet, "source"], [refs.langFacet, "lang"]]) {
    facet.addEventListener("change", (event) => {
      const box = event.target;
      if (!(box instanceof box.ownerDocument.defaultView.HTMLInputElement)) return;
      const state = getState();
      const values = state[key].filter((v) => v !== box.value);
      if (box.checked) values.push(box.value);
      go(refine(state, { [key]: values }));
    });
    facet.addEventListener("click", (event) => {
      const more = event.target.closest && event.target.closest(".dateline__facet-more");
      if (!more) return;
      facet.dataset.expanded = "true";
      const list = facet.querySelector(".dateline__facet-list");
      list.querySelectorAll("[hidden]").forEach((node) => { node.hidden = false; });
      more.remove();
      // Focus the first option that was hidden, so keyboard users continue where they were.
      const next = list.children[TOP];
      if (next) next.querySelector("input").focus();
    });
  }

  refs.active.addEventListener("click", (event) => {
    const chip = event.target.closest && event.target.closest(".dateline__chip");
    if (!chip) return;
    const state = getState();
    const { key, value } = chip.dataset;
    const change = key === "dates" ? { from: "", to: "" } : { [key]: state[key].filter((v) => v !== value) };
    go(refine(state, change), "chips");
  });
}

function showDateError(refs, problem, inputs) {
  refs.dateError.textContent = problem;
  refs.dateError.hidden = !problem;
  for (const input of [refs.from, refs.to]) {
    if (inputs.includes(input)) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }
}

/** Puts the state into the controls (after navigation, Back or Forward). */
export function syncControls(refs, state) {
  refs.sort.value = state.sort;
  refs.from.value = state.from;
  refs.to.value = state.to;
  refs.datesClear.hidden = !(state.from || state.to);
  showDateError(refs, "", []);
}

/** estimated: the counts were scaled up from a sample of the matches (facets_are_estimates). */
function renderFacet(facet, counts, selected, nameOf, estimated) {
  const doc = facet.ownerDocument;
  const list = facet.querySelector(".dateline__facet-list");
  const active = facet.getRootNode().activeElement;
  const focused = active && list.contains(active) ? active.value : null;

  const rows = (Array.isArray(counts) ? counts : [])
    .filter((c) => c && typeof c.value === "string" && c.value)
    .map((c) => ({ value: c.value, count: Number(c.count) || 0 }));
  // Selected values stay listed even when nothing matches them any more.
  for (const value of selected) {
    if (!rows.some((r) => r.value === value)) rows.unshift({ value, count: 0 });
  }
  const expanded = facet.dataset.expanded === "true";
  const items = rows.map((row, i) => {
    const checked = selected.includes(row.value);
    const option = h(doc, "label.dateline__facet-option", { hidden: !expanded && i >= TOP && !checked },
      h(doc, "input", { type: "checkbox", value: row.value, checked }),
      h(doc, "span.dateline__facet-name", {}, nameOf(row.value)),
      h(doc, "span.dateline__facet-count", estimated ? { title: ESTIMATE_TITLE } : {},
        `${estimated ? "≈" : ""}${formatNumber(row.count)}`));
    return option;
  });
  list.replaceChildren(...items);
  facet.querySelector(".dateline__facet-more")?.remove();
  const hiddenCount = items.filter((item) => item.hidden).length;
  if (hiddenCount) {
    facet.append(h(doc, "button.dateline__facet-more", { type: "button" }, `Show all ${formatNumber(rows.length)}`));
  }
  facet.hidden = rows.length === 0;
  if (focused !== null) {
    const again = [...list.querySelectorAll("input")].find((input) => input.value === focused);
    if (again) again.focus();
  }
}

const ESTIMATE_TITLE = "Estimated from a sample of the matches";

/** facets: the API's facets object (or {} when unknown); estimated: facets_are_estimates. */
export function renderFacets(refs, state, facets, estimated = false) {
  renderFacet(refs.sourceFacet, facets.source, state.source, (v) => v, estimated);
  renderFacet(refs.langFacet, facets.lang, state.lang, (v) => languageName(v), estimated);
}

function dateText(from, to) {
  if (from && to) return from === to ? formatPartialDate(from) : `${formatPartialDate(from)} – ${formatPartialDate(to)}`;
  return from ? `from ${formatPartialDate(from)}` : `until ${formatPartialDate(to)}`;
}

export function renderChips(refs, state) {
  const doc = refs.root.ownerDocument;
  const chips = [];
  const chip = (key, value, kind, text) => {
    const button = h(doc, "button.dateline__chip", { type: "button", "aria-label": `Remove filter: ${kind} ${text}` },
      h(doc, "span.dateline__chip-kind", {}, kind + " "), text, h(doc, "span.dateline__chip-x", { "aria-hidden": "true" }, " ×"));
    button.dataset.key = key;
    button.dataset.value = value;
    chips.push(h(doc, "li", {}, button));
  };
  if (state.from || state.to) chip("dates", "", "Date:", dateText(state.from, state.to));
  for (const v of state.source) chip("source", v, "Issuer:", v);
  for (const v of state.lang) chip("lang", v, "Language:", languageName(v));
  refs.active.replaceChildren(...chips);
  refs.active.hidden = chips.length === 0;
  const count = refs.filtersToggle && refs.filtersToggle.querySelector(".dateline__filters-count");
  if (count) count.textContent = chips.length ? ` (${chips.length} active)` : "";
}

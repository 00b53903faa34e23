// The boxes that stand in for results: the introduction, "nothing found" and errors.
// Each says what to do next.

import { h, navLink } from "./dom.js";

const EXAMPLES = ['"health care fraud"', "antitrust", "tax evasion"];

function show(refs, kind, children) {
  refs.message.className = `dateline__message dateline__message--${kind}`;
  refs.message.replaceChildren(...children);
  refs.message.hidden = false;
}

export function showIntro(refs, href) {
  const doc = refs.root.ownerDocument;
  show(refs, "intro", [
    h(doc, "h2.dateline__message-title", {}, "Search the archive"),
    h(doc, "p", {}, "Type words from the title or the text of a release, or try one of these:"),
    h(doc, "ul.dateline__examples", {}, EXAMPLES.map((q) =>
      h(doc, "li", {}, navLink(doc, "dateline__example", href({ q }), q)))),
  ]);
}

/** No hits. clearFilters: a function when filters are set (offers a button), else null. */
export function showEmpty(refs, q, clearFilters) {
  const doc = refs.root.ownerDocument;
  const what = !q ? "No releases match these filters"
    : `No releases match ${/["“”]/.test(q) ? q : `“${q}”`}`;
  const tips = h(doc, "ul.dateline__tips", {},
    q ? h(doc, "li", {}, "Use fewer words, or more general ones.") : null,
    clearFilters ? h(doc, "li", {}, "Remove some filters: ",
      h(doc, "button.dateline__clear-filters", { type: "button" }, "Clear all filters")) : null,
    q ? h(doc, "li", {}, "Check the spelling, or try another form of a word.") : null,
    q.includes('"') ? h(doc, "li", {}, "Remove the quotes to find the words anywhere in a release.") : null);
  if (clearFilters) tips.querySelector("button").addEventListener("click", clearFilters);
  show(refs, "empty", [h(doc, "h2.dateline__message-title", {}, what + "."), h(doc, "p", {}, "Try this:"), tips]);
}

export function showPastEnd(refs, page, firstHref) {
  const doc = refs.root.ownerDocument;
  show(refs, "empty", [
    h(doc, "h2.dateline__message-title", {}, `There is no page ${page} for this search.`),
    h(doc, "p", {}, navLink(doc, "dateline__first-page", firstHref, "Go to the first page of results")),
  ]);
}

/** error: an ApiError. retry: a function (offers a "Try again" button) or null. */
export function showError(refs, error, retry) {
  const doc = refs.root.ownerDocument;
  const titles = {
    request: "The search could not be run.",
    network: "The search server could not be reached.",
  };
  const title = titles[error.kind] || "The search service is not answering.";
  const said = error.message.replace(/^./, (c) => c.toUpperCase()).replace(/\.?$/, ".");
  const detail = error.kind === "request" ? `${said} Change the search, then try again.`
    : error.message ? said : "Try again in a moment.";
  const children = [h(doc, "h2.dateline__message-title", {}, title), h(doc, "p.dateline__message-detail", {}, detail)];
  if (retry) {
    const button = h(doc, "button.dateline__retry", { type: "button" }, "Try again");
    button.addEventListener("click", retry);
    children.push(h(doc, "p", {}, button));
  }
  show(refs, "error", children);
  return `${title} ${detail}`;
}

export function showMissingDocument(refs, resultsHref) {
  const doc = refs.root.ownerDocument;
  show(refs, "error", [
    h(doc, "h2.dateline__message-title", {}, "This release is not in the archive."),
    h(doc, "p.dateline__message-detail", {},
      "It may have been removed since the link was made. Search for its title, or ",
      navLink(doc, "dateline__doc-back", resultsHref, "go back to the results"), "."),
  ]);
}

export function hideMessage(refs) {
  refs.message.hidden = true;
  refs.message.replaceChildren();
}

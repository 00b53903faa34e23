// One release in full: the query's matches marked (built from byte ranges as text nodes,
// never HTML), a jump to the first match, a permalink and a citation to copy.

import { h, navLink } from "./dom.js";
import { formatCitation, formatDate, languageName, safeHref } from "./format.js";
import { markedParagraphs } from "./highlight.js";

function marked(doc, tag, paragraph) {
  return h(doc, tag, {}, paragraph.map((s) => (s.mark ? h(doc, "mark", {}, s.text) : s.text)));
}

/**
 * data: the API's document. links: {back, permalink} hrefs.
 * announce(text): says something in the status line.
 */
export function renderDocument(refs, data, links, announce) {
  const doc = refs.root.ownerDocument;
  const view = refs.documentView;

  const titleParts = markedParagraphs(data.title || "(untitled)", data.title_matches).flat();
  const title = marked(doc, "h2.dateline__doc-title", titleParts.length ? titleParts : [{ text: "(untitled)" }]);
  if (data.lang) title.lang = data.lang;

  const meta = h(doc, "p.dateline__doc-meta");
  const date = formatDate(data.date);
  if (date) meta.append(h(doc, "time.dateline__doc-date", { datetime: date.datetime }, date.text));
  if (data.source) meta.append(h(doc, "span.dateline__doc-source", {}, data.source));
  if (data.place) meta.append(h(doc, "span.dateline__doc-place", {}, data.place));
  if (data.lang) meta.append(h(doc, "span.dateline__doc-lang", {}, languageName(data.lang)));

  const body = h(doc, "div.dateline__doc-body", { lang: data.lang || null },
    markedParagraphs(data.body, data.matches).map((p) => marked(doc, "p", p)));
  if (!body.childElementCount) body.append(h(doc, "p.dateline__doc-empty", {}, "This release has no text."));
  const marks = body.querySelectorAll("mark");

  let jump = null;
  if (marks.length) {
    jump = h(doc, "button.dateline__doc-jump", { type: "button" }, "Jump to first match");
    jump.addEventListener("click", () => {
      const first = body.querySelector("mark");
      first.tabIndex = -1;
      first.focus({ preventScroll: true });
      first.scrollIntoView({ block: "center" });
    });
  }
  const matchNote = marks.length
    ? h(doc, "span.dateline__doc-count", {}, `${marks.length} ${marks.length === 1 ? "match" : "matches"} highlighted`)
    : null;

  const original = safeHref(data.url, doc.baseURI);
  const citationText = formatCitation(data);
  const citation = h(doc, "p.dateline__citation", {}, citationText);
  const copy = h(doc, "button.dateline__copy-citation", { type: "button" }, "Copy citation");
  copy.addEventListener("click", async () => {
    try {
      await doc.defaultView.navigator.clipboard.writeText(citationText);
      announce("Copied the citation to the clipboard.");
    } catch {
      // The clipboard may be refused (permissions, insecure origin): select it for Ctrl+C.
      const range = doc.createRange();
      range.selectNodeContents(citation);
      const selection = doc.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      announce("The citation is selected: press Ctrl+C (or ⌘C) to copy it.");
    }
  });

  view.replaceChildren(
    h(doc, "p.dateline__doc-nav", {}, navLink(doc, "dateline__doc-back", links.back, "← Back to results")),
    h(doc, "header.dateline__doc-header", {}, title, meta.childElementCount ? meta : null),
    jump || matchNote ? h(doc, "p.dateline__doc-tools", {}, jump, matchNote) : null,
    body,
    h(doc, "footer.dateline__doc-footer", {},
      h(doc, "ul.dateline__doc-links", {},
        original ? h(doc, "li", {}, h(doc, "a.dateline__doc-original", { href: original, ...refs.external }, "Original release")) : null,
        h(doc, "li", {}, h(doc, "a.dateline__doc-permalink", { href: links.permalink }, "Permalink to this view"))),
      h(doc, "h3.dateline__citation-title", {}, "Cite this release"),
      citation,
      h(doc, "p", {}, copy)));
  view.hidden = false;
}

export function hideDocument(refs) {
  refs.documentView.hidden = true;
  refs.documentView.replaceChildren();
}

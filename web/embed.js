// <dateline-search>: the Dateline search UI for any intranet page, on any origin.
//
//   <script type="module" src="SERVER/embed.js"></script>
//   <dateline-search endpoint="SERVER/"></dateline-search>
//
// SERVER is the address of a dateline-server (with its --base-path, if any); that server must
// allow the intranet page's origin with --cors-origin, or the component says so instead of
// searching. The host page's Content-Security-Policy, if it has one, must allow SERVER in
// script-src, style-src and connect-src.
//
// Attributes
//   endpoint  The server's base URL. Default: where embed.js was loaded from. A relative value
//             is read against the host page's address.
//   q         The first search, e.g. q="health care fraud". Setting it later runs a new search.
//   compact   The narrow layout (filters folded into "Filters and sort"). compact or
//             compact="true": on; compact="false": off; absent: on when the element is less
//             than 600 px wide when it is first shown.
// endpoint and compact are read once, when the element is first put in the page.
//
// The UI lives in an open shadow root: the host page's CSS does not reach it and its CSS does
// not leak out. Theme it with the custom properties listed in embed.css, set on the element:
//   dateline-search { --dateline-accent: #7a1f5c; }
// The search state is kept in memory (the host page's address is not ours); links inside point
// at the server's own page, so middle-click or "open in new tab" opens the full search there.

import { mountSearch } from "./js/mount.js";
import { refine } from "./js/state.js";
import { memoryStore } from "./js/store.js";

const TAG = "dateline-search";
const COMPACT_BELOW_PX = 600;
const STYLE_WAIT_MS = 3000; // show the UI even if a stylesheet never answers

/** The API base: an absolute http(s) URL ending in "/"; the server embed.js came from otherwise. */
function endpointFrom(value, pageUrl) {
  const fallback = new URL(".", import.meta.url).href;
  if (value === null || value.trim() === "") return fallback;
  try {
    const url = new URL(value.trim(), pageUrl);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http(s)");
    url.search = "";
    url.hash = "";
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    return url.href;
  } catch {
    console.warn(`${TAG}: endpoint "${value}" is not an http(s) address; using ${fallback}`);
    return fallback;
  }
}

function stylesheet(doc, name) {
  const link = doc.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL(name, import.meta.url).href;
  const loaded = new Promise((resolve) => {
    link.addEventListener("load", resolve, { once: true });
    link.addEventListener("error", resolve, { once: true });
  });
  return { link, loaded };
}

class DatelineSearch extends HTMLElement {
  static get observedAttributes() {
    return ["q"];
  }

  #store = null;

  connectedCallback() {
    if (this.shadowRoot) return; // moved within the page: keep the UI and its state
    const doc = this.ownerDocument;
    const shadow = this.attachShadow({ mode: "open" });
    const sheets = [stylesheet(doc, "style.css"), stylesheet(doc, "embed.css")];
    const root = doc.createElement("div");
    root.className = "dateline";
    root.style.visibility = "hidden"; // no flash of unstyled controls while the sheets load
    shadow.append(...sheets.map((s) => s.link), root);
    const reveal = () => { root.style.visibility = ""; };
    Promise.all(sheets.map((s) => s.loaded)).then(reveal);
    setTimeout(reveal, STYLE_WAIT_MS);

    const endpoint = endpointFrom(this.getAttribute("endpoint"), doc.baseURI);
    const compactAttr = this.getAttribute("compact");
    // The root is a block in the layout even before embed.css makes the host one.
    const width = root.getBoundingClientRect().width;
    const compact = compactAttr === null ? width > 0 && width < COMPACT_BELOW_PX : compactAttr !== "false";
    this.#store = memoryStore({ q: this.getAttribute("q") || "" }, endpoint);
    mountSearch(root, { endpoint, store: this.#store, compact });
  }

  attributeChangedCallback(name, before, after) {
    if (name !== "q" || !this.#store || before === after) return;
    this.#store.push(refine(this.#store.read(), { q: after || "" }));
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, DatelineSearch);

// The search page: the UI in the page's .dateline element, its state in the address bar.
// ?embed=1 gives the compact layout for an iframe.

import { mountSearch } from "./js/mount.js";
import { urlStore } from "./js/store.js";

const root = document.querySelector(".dateline");
if (root) {
  const store = urlStore(window);
  mountSearch(root, {
    endpoint: root.dataset.endpoint || "",
    store,
    compact: store.read().embed,
  });
}

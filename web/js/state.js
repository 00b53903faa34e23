// The page state lives in the URL query string: ?q=TEXT&page=N.
// Later filters (from, to, source, sort) get added here and in toApiParams().

/** Reads {q, page} from a query string such as location.search. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const q = (params.get("q") ?? "").trim();
  const rawPage = params.get("page") ?? "";
  let page = /^[0-9]{1,9}$/.test(rawPage) ? Number(rawPage) : 1;
  if (page < 1) page = 1;
  return { q, page };
}

/** The page's own query string for a state ("" for the empty state). */
export function toQueryString(state) {
  if (!state.q) return "";
  const params = new URLSearchParams({ q: state.q });
  if (state.page > 1) params.set("page", String(state.page));
  return "?" + params.toString();
}

/** The parameters sent to the search API (only q, page and size are accepted). */
export function toApiParams(state) {
  const params = new URLSearchParams({ q: state.q, page: String(state.page) });
  if (state.size) params.set("size", String(state.size));
  return params;
}

export function sameState(a, b) {
  return a.q === b.q && a.page === b.page;
}

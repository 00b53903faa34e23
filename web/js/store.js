// Where the page state is kept. urlStore: in the address bar (history entries, so Back,
// Forward, bookmarks and shared links work). memoryStore: in memory, for a component embedded
// in someone else's page, whose address bar is not ours to change.
// Both: read(), push(state), replace(state), subscribe(fn), href(state), previous(), back().

import { normalizeState, parseState, toSearch } from "./state.js";

function listenerSet() {
  const listeners = new Set();
  return {
    add(fn) { listeners.add(fn); return () => listeners.delete(fn); },
    notify(state) { for (const fn of [...listeners]) fn(state); },
  };
}

export function urlStore(win) {
  const listeners = listenerSet();
  const read = () => parseState(win.location.search);
  // The compact layout of an iframe stays on through every navigation inside it.
  const embed = read().embed;
  const fix = (state) => normalizeState({ ...state, embed });
  const url = (state) => toSearch(fix(state)) || win.location.pathname;

  win.addEventListener("popstate", () => listeners.notify(read()));

  return {
    read,
    push(state) {
      // Remember where we came from, so "Back to results" can be a real Back.
      win.history.pushState({ datelinePrevious: win.location.search }, "", url(state));
      listeners.notify(read());
    },
    replace(state) {
      win.history.replaceState(win.history.state, "", url(state));
      listeners.notify(read());
    },
    subscribe: listeners.add,
    href: url,
    previous() {
      const previous = win.history.state && win.history.state.datelinePrevious;
      return typeof previous === "string" ? parseState(previous) : null;
    },
    back() {
      win.history.back();
    },
  };
}

/**
 * initialState: a partial state ({q: "…"}); pageUrlBase: the server's page (its base URL),
 * so that links open the full page there when middle-clicked.
 */
export function memoryStore(initialState = {}, pageUrlBase = "") {
  const listeners = listenerSet();
  const stack = [normalizeState({ ...initialState, embed: false })];
  const top = () => stack[stack.length - 1];
  const fix = (state) => normalizeState({ ...state, embed: false });

  return {
    read: () => ({ ...top() }),
    push(state) {
      stack.push(fix(state));
      listeners.notify(top());
    },
    replace(state) {
      stack[stack.length - 1] = fix(state);
      listeners.notify(top());
    },
    subscribe: listeners.add,
    href(state) {
      const search = toSearch(fix(state));
      if (!pageUrlBase) return search || "?";
      const url = new URL(pageUrlBase);
      url.search = search;
      return url.href;
    },
    previous: () => (stack.length > 1 ? { ...stack[stack.length - 2] } : null),
    back() {
      if (stack.length < 2) return;
      stack.pop();
      listeners.notify(top());
    },
  };
}

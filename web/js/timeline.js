// Matches per month: bar height = share of the month's releases that match; gaps are empty
// bars. Pick a month or range by pointer (click, drag, Shift+click) or keyboard (arrows,
// Enter/Space, Shift+Enter). Plain SVG, built only inside the given container (page or shadow root).

import { formatNumber, formatPartialDate } from "./format.js";

// A namespace name, not a link (the external-URL check of web/ knows it).
const SVG_NS = "http://www.w3.org/2000/svg";
const TOP = 8; // room for the focus ring
const PLOT = 96; // bar area height; 1 SVG unit = 1 CSS pixel
const MIN_SLOT = 3; // narrowest month; below it the chart scrolls sideways
const YEAR_ROOM = 40; // width of a year label
const MONTH_ROOM = 30; // slot width from which every month is labelled
const MAX_MONTHS = 1200; // a stray date centuries off must not build thousands of bars
const SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const pad = (n, width) => String(n).padStart(width, "0");
const monthValue = (i) => `${pad(Math.floor(i / 12), 4)}-${pad((i % 12) + 1, 2)}`;
const monthName = (i) => formatPartialDate(monthValue(i));

/** "YYYY", "YYYY-MM" or "YYYY-MM-DD" -> months since year 0 of its first (or last) month. */
function monthOf(value, isEnd) {
  const m = /^(\d{4})(?:-(\d{2})(?:-\d{2})?)?$/.exec(String(value ?? ""));
  const month = m && m[2] ? Number(m[2]) : isEnd ? 12 : 1;
  return m && month >= 1 && month <= 12 ? Number(m[1]) * 12 + month - 1 : null;
}

function percent(share, count) {
  return count > 0 && share < 0.0005 ? "<0.1%" : `${(share * 100).toFixed(1)}%`;
}

/** "12 of 340 releases (3.5%)"; with a comma for labels; "about 12 of…" when estimated. */
function countWords(bar, inParentheses, estimated) {
  if (bar.documents === 0) return "no releases";
  const pct = percent(bar.share, bar.count);
  return `${estimated ? "about " : ""}${formatNumber(bar.count)} of ${formatNumber(bar.documents)} ` +
    `${bar.documents === 1 ? "release" : "releases"}${inParentheses ? ` (${pct})` : `, ${pct}`}`;
}

/** facets.month -> every month from the first to the last. */
function fillMonths(list) {
  const known = new Map();
  for (const item of Array.isArray(list) ? list : []) {
    const i = /^\d{4}-\d{2}$/.test(item && item.value) ? monthOf(item.value, false) : null;
    const count = Math.max(0, Number(item && item.count) || 0);
    if (i !== null) known.set(i, { count, documents: Math.max(count, Number(item.documents) || 0) });
  }
  if (known.size === 0) return [];
  const last = Math.max(...known.keys());
  const out = [];
  for (let i = Math.max(Math.min(...known.keys()), last - MAX_MONTHS + 1); i <= last; i += 1) {
    const { count, documents } = known.get(i) ?? { count: 0, documents: 0 };
    out.push({ month: i, count, documents, share: documents > 0 ? count / documents : 0 });
  }
  return out;
}

export function createTimeline(container, { onSelect = () => {} } = {}) {
  const doc = container.ownerDocument;
  const set = (node, attrs) => {
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    return node;
  };
  const add = (parent, tag, className, attrs = {}) => {
    const node = tag.startsWith("svg:") ? doc.createElementNS(SVG_NS, tag.slice(4)) : doc.createElement(tag);
    parent.append(set(node, { class: className, ...attrs }));
    return node;
  };

  const view = add(container, "div", "dateline__timeline-view");
  const head = add(view, "div", "dateline__timeline-head");
  const summary = add(head, "p", "dateline__timeline-summary");
  const clear = add(head, "button", "dateline__timeline-clear", { type: "button" });
  clear.textContent = "Clear date range";
  const plot = add(view, "div", "dateline__timeline-plot");
  const scroller = add(plot, "div", "dateline__timeline-scroll");
  const svg = add(scroller, "svg:svg", "dateline__timeline-chart", { role: "group" });
  const topLine = add(svg, "svg:line", "dateline__timeline-top", { x1: 0, y1: TOP, y2: TOP });
  const inert = { "pointer-events": "none", visibility: "hidden" };
  const band = add(svg, "svg:rect", "dateline__timeline-band", { ...inert, y: TOP, height: PLOT });
  const barGroup = add(svg, "svg:g", "dateline__timeline-bars");
  const axis = add(svg, "svg:g", "dateline__timeline-axis", { "aria-hidden": "true" });
  const ring = add(svg, "svg:rect", "dateline__timeline-ring", { ...inert, y: TOP - 3, height: PLOT + 6 });
  const tip = add(plot, "div", "dateline__timeline-tip", { role: "tooltip" });
  const show = (node, on) => set(node, { visibility: on ? "visible" : "hidden" });
  tip.hidden = true;

  let data = [];
  let estimated = false; // counts scaled up from a sample of the matches
  let bars = [];
  let selection = null; // {lo, hi} month numbers; a side may be infinite
  let active = 0;       // the bar with tabindex=0
  let anchor = null;    // the month last picked, where Shift extends from
  let drag = null;
  let slot = 0;
  let drawnWidth = -1;
  let drawnRange = "";

  const isSelected = (month) => month >= selection?.lo && month <= selection.hi;
  const rootActive = () => container.getRootNode().activeElement ?? null;

  function paint(lo = selection?.lo, hi = selection?.hi) {
    svg.classList.toggle("has-selection", lo !== undefined);
    clear.hidden = selection === null;
    bars.forEach((bar, i) => {
      const on = data[i].month >= lo && data[i].month <= hi;
      bar.classList.toggle("is-selected", on);
      bar.setAttribute("aria-pressed", String(on));
    });
  }

  function setActive(i, focus) {
    bars[active]?.setAttribute("tabindex", "-1");
    active = Math.max(0, Math.min(data.length - 1, i));
    bars[active].setAttribute("tabindex", "0");
    if (focus) bars[active].focus({ preventScroll: focus === "pointer" });
  }

  function showTip(i) {
    const bar = data[i];
    if (!bar) return;
    tip.replaceChildren(add(tip, "strong", "dateline__timeline-tip-month"), countWords(bar, true, estimated));
    tip.firstChild.textContent = monthName(bar.month);
    tip.hidden = false;
    const box = svg.getBoundingClientRect();
    const area = plot.getBoundingClientRect();
    const centre = box.left + ((i + 0.5) / data.length) * box.width - area.left;
    tip.style.left = `${Math.max(0, Math.min(area.width - tip.offsetWidth, centre - tip.offsetWidth / 2))}px`;
    set(band, { x: i * slot, width: slot });
    show(band, true);
  }

  function hideTip() {
    tip.hidden = true;
    show(band, false);
  }

  function emit(from, to = from) {
    if (from === null) {
      selection = anchor = null;
      onSelect({ from: "", to: "" });
    } else {
      selection = { lo: Math.min(from, to), hi: Math.max(from, to) }; // shown now; update() confirms
      onSelect({ from: monthValue(selection.lo), to: monthValue(selection.hi) });
    }
    paint();
  }

  function pick(i, extend) {
    const month = data[i].month;
    const from = extend ? anchor ?? (Number.isFinite(selection?.lo) ? selection.lo : null) : null;
    if (from !== null) return emit(from, month);
    anchor = month;
    return emit(selection?.lo === month && selection.hi === month ? null : month); // again: unpick
  }

  function indexAt(clientX) {
    const box = svg.getBoundingClientRect();
    if (box.width <= 0 || data.length === 0) return -1;
    const i = Math.floor(((clientX - box.left) / box.width) * data.length);
    return Math.max(0, Math.min(data.length - 1, i));
  }

  svg.addEventListener("pointerdown", (event) => {
    const i = indexAt(event.clientX);
    if (event.button !== 0 || i < 0) return;
    event.preventDefault(); // no text selection; focus is set below
    drag = { start: i, end: i };
    if (event.pointerType === "mouse") svg.setPointerCapture(event.pointerId);
    setActive(i, "pointer");
  });
  svg.addEventListener("pointermove", (event) => {
    const i = indexAt(event.clientX);
    if (i < 0) return;
    showTip(i);
    if (!drag || drag.end === i) return;
    drag.end = i;
    const [lo, hi] = [data[drag.start].month, data[i].month].sort((a, b) => a - b);
    paint(lo, hi);
  });
  svg.addEventListener("pointerup", (event) => {
    if (!drag) return;
    const { start, end } = drag;
    drag = null;
    if (start === end) return pick(end, event.shiftKey);
    return emit((anchor = data[start].month), data[end].month);
  });
  svg.addEventListener("pointercancel", () => { // a touch that became a scroll
    drag = null;
    paint();
  });
  svg.addEventListener("pointerleave", () => drag || hideTip());
  svg.addEventListener("keydown", (event) => {
    const i = bars.indexOf(event.target);
    const moves = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: data.length - 1 };
    if (i < 0) return;
    if (event.key in moves) {
      setActive(moves[event.key], "key");
    } else if (event.key === "Enter" || event.key === " ") {
      if (!event.repeat) pick(i, event.shiftKey); // a held key must not toggle on and off
    } else if (event.key === "Escape") {
      hideTip();
    } else {
      return;
    }
    event.preventDefault();
  });
  svg.addEventListener("focusin", (event) => {
    const i = bars.indexOf(event.target);
    if (i < 0) return;
    if (i !== active) setActive(i, false);
    showTip(i);
    set(ring, { x: i * slot + 0.5, width: Math.max(1, slot - 1) });
    show(ring, event.target.matches(":focus-visible")); // not after a click
  });
  svg.addEventListener("focusout", () => {
    show(ring, false);
    hideTip();
  });
  clear.addEventListener("click", () => {
    emit(null);
    if (bars.length) setActive(active, "key"); // the button hides: keep focus in the chart
  });

  const label = (x, y, text, align = "start") => {
    add(axis, "svg:text", "", { x, y, "text-anchor": align }).textContent = text;
  };

  function drawAxis(width) {
    const base = TOP + PLOT;
    axis.replaceChildren();
    add(axis, "svg:line", "dateline__timeline-baseline", { x1: 0, x2: width, y1: base, y2: base });
    const perYear = slot * 12;
    const step = [1, 2, 5, 10, 20, 50].find((s) => s * perYear >= YEAR_ROOM) ?? 100;
    data.forEach(({ month }, i) => {
      const x = i * slot;
      const year = Math.floor(month / 12);
      const january = month % 12 === 0;
      // A year at its January, or at a first month with room before the next January.
      const yearLabel = january ? year % step === 0
        : i === 0 && step === 1 && (12 - (month % 12)) * slot >= YEAR_ROOM;
      if (slot >= MONTH_ROOM) {
        label(x + slot / 2, base + 14, SHORT[month % 12], "middle");
        if (january || i === 0) label(x + 2, base + 28, String(year));
      } else if (yearLabel && x + 28 <= width) { // not cut off at the right end
        label(x + 1, base + 16, String(year));
      }
      if (january && (year % step === 0 || perYear >= 8)) {
        const y2 = base + (year % step ? 3 : 6);
        add(axis, "svg:line", "dateline__timeline-tick", { x1: x, x2: x, y1: base, y2 });
      }
    });
    return slot >= MONTH_ROOM ? 32 : 20;
  }

  function draw() {
    const n = data.length;
    view.hidden = n === 0;
    const available = scroller.clientWidth || container.clientWidth || 640;
    drawnWidth = scroller.clientWidth;
    slot = Math.max(MIN_SLOT, available / n);
    const width = slot * n;
    const barWidth = Math.min(40, slot - Math.max(1, Math.min(8, slot * 0.2)));
    const top = n ? Math.max(...data.map((bar) => bar.share)) : 0;
    while (bars.length < n) bars.push(add(barGroup, "svg:rect", "dateline__bar", { role: "button" }));
    bars.splice(n).forEach((bar) => bar.remove());
    if (n === 0) return;
    data.forEach((bar, i) => {
      const h = bar.count > 0 ? Math.max(1.5, top > 0 ? (bar.share / top) * PLOT : 0) : 0;
      set(bars[i], {
        x: i * slot + (slot - barWidth) / 2, width: barWidth, y: TOP + PLOT - h, height: h,
        "data-month": monthValue(bar.month), tabindex: i === active ? 0 : -1,
        "aria-label": `${monthName(bar.month)}: ${countWords(bar, false, estimated)}`,
      }).classList.toggle("is-empty", bar.count === 0);
    });
    const height = TOP + PLOT + drawAxis(width);
    set(svg, {
      width, height, viewBox: `0 0 ${width} ${height}`,
      "aria-label": `Matches per month, ${monthName(data[0].month)} to ${monthName(data[n - 1].month)}`,
    });
    topLine.setAttribute("x2", String(width));
    summary.textContent = `Share of each month's releases that match (dotted line: ${percent(top, 1)}). ` +
      `Click or drag to pick months.${width > available ? " Scroll sideways for more." : ""}`;
    paint();
    const range = `${data[0].month} ${n} ${available}`;
    if (range !== drawnRange && width > available) {
      const first = data.findIndex((bar) => isSelected(bar.month));
      scroller.scrollLeft = first >= 0 ? first * slot - available / 3 : width; // else the latest
    }
    drawnRange = range;
  }

  if (typeof ResizeObserver === "function") {
    new ResizeObserver(() => {
      if (data.length && scroller.clientWidth !== drawnWidth) draw();
    }).observe(plot);
  }

  return {
    update(months, current = {}) {
      const hadFocus = bars.includes(rootActive());
      const activeMonth = data[active]?.month;
      data = fillMonths(months);
      const { from = "", to = "" } = current;
      estimated = current.estimated === true;
      const lo = monthOf(from, false) ?? -Infinity; // unset or unreadable: open on that side
      const hi = monthOf(to, true) ?? Infinity;
      selection = lo > -Infinity || hi < Infinity ? { lo: Math.min(lo, hi), hi: Math.max(lo, hi) } : null;
      if (selection === null) anchor = null;
      draw();
      if (data.length === 0) return;
      let next = data.findIndex((bar) => bar.month === activeMonth);
      if (next < 0) next = data.findIndex((bar) => isSelected(bar.month));
      if (next < 0) next = data.map((bar) => bar.count > 0).lastIndexOf(true);
      setActive(next < 0 ? data.length - 1 : next, hadFocus && "pointer");
    },
  };
}

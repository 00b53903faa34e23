// Small pure formatting helpers (no DOM).

import { isDate } from "./state.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"];

const numberFormat = new Intl.NumberFormat("en-US");
let languageNames = null;
try {
  languageNames = new Intl.DisplayNames(["en"], { type: "language" });
} catch {
  languageNames = null; // old engines: the code is shown instead
}

/** "2016", "2016-03" or "2016-03-04" as words: "2016", "March 2016", "4 March 2016". */
export function formatPartialDate(value) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(value ?? ""));
  if (!m || !isDate(m[0])) return String(value ?? "");
  if (!m[2]) return m[1];
  const month = `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  return m[3] ? `${Number(m[3])} ${month}` : month;
}

/**
 * "2024-03-04" or "2024-03-04T10:30:00" -> {text: "4 March 2024", datetime: "2024-03-04"}.
 * Returns null when the value is not such a date.
 */
export function formatDate(value) {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/.exec(String(value ?? ""));
  if (!m || !isDate(m[1])) return null;
  return { text: formatPartialDate(m[1]), datetime: m[1] + (m[2] ? `T${m[2]}` : "") };
}

export function formatNumber(n) {
  return numberFormat.format(n);
}

/** "1 result", "1,234 results", "about 1,234 results". */
export function formatCount(total, isEstimate) {
  const noun = total === 1 ? "result" : "results";
  return `${isEstimate ? "about " : ""}${formatNumber(total)} ${noun}`;
}

/** Number of pages, or null when the total is unknown. */
export function pageCount(total, size) {
  if (!Number.isFinite(total) || !Number.isFinite(size) || size < 1) return null;
  return Math.max(1, Math.ceil(total / size));
}

/** "en" -> "English"; the code itself when the name is unknown. */
export function languageName(code) {
  try {
    const name = languageNames && code ? languageNames.of(code) : "";
    return name && name !== code ? name : code;
  } catch {
    return code; // not a well-formed language tag
  }
}

/** Only http(s) links are followed; anything else (javascript:, data:) is shown as text. */
export function safeHref(url, base) {
  if (typeof url !== "string" || url.trim() === "") return null;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Issuer, "Title", 4 March 2016, URL: the parts that are known. */
export function formatCitation(doc) {
  const date = formatDate(doc.date);
  return [doc.source, doc.title ? `"${doc.title}"` : "", date ? date.text : doc.date, doc.url]
    .map((part) => String(part ?? "").trim())
    .filter(Boolean)
    .join(", ");
}

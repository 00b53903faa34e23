// Small pure formatting helpers (no DOM).

const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December"];

const numberFormat = new Intl.NumberFormat("en-US");

/**
 * "2024-03-04" or "2024-03-04T10:30:00" -> {text: "4 March 2024", datetime: "2024-03-04"}.
 * Returns null when the value is not such a date.
 */
export function formatDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?))?/.exec(String(value ?? ""));
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const datetime = `${m[1]}-${m[2]}-${m[3]}` + (m[4] ? `T${m[4]}` : "");
  return { text: `${day} ${MONTHS[month - 1]} ${year}`, datetime };
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

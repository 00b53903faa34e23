// Turns the API's match byte ranges (offsets into UTF-8, not into JavaScript's UTF-16 strings)
// into text segments, so the document view can build <mark>s from plain text nodes.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** [{text, mark}] covering all of text; ranges: [{start, length}] in bytes, any order. */
export function markSegments(text, ranges) {
  const bytes = encoder.encode(String(text ?? ""));
  const sorted = (Array.isArray(ranges) ? ranges : [])
    .map((r) => ({ start: Number(r.start), end: Number(r.start) + Number(r.length) }))
    .filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.end > r.start)
    .sort((a, b) => a.start - b.start);
  // A phrase reads better as one mark: join matches separated only by spaces.
  const joined = [];
  for (const r of sorted) {
    const last = joined[joined.length - 1];
    if (last && r.start >= last.end && bytes.subarray(last.end, r.start).every((b) => b === 0x20)) {
      last.end = Math.max(last.end, r.end);
    } else {
      joined.push({ ...r });
    }
  }
  const segments = [];
  let at = 0;
  const add = (end, mark) => {
    if (end > at) segments.push({ text: decoder.decode(bytes.subarray(at, end)), mark });
    at = end;
  };
  for (const r of joined) {
    if (r.start < at || r.start >= bytes.length) continue; // overlapping or out of range
    add(r.start, false);
    add(Math.min(r.end, bytes.length), true);
  }
  add(bytes.length, false);
  return segments;
}

/** Paragraphs (split at blank lines), each a list of segments. */
export function markedParagraphs(text, ranges) {
  const paragraphs = [[]];
  for (const segment of markSegments(text, ranges)) {
    const pieces = segment.text.split(/\n[ \t]*\n\s*/);
    pieces.forEach((piece, i) => {
      if (i > 0) paragraphs.push([]);
      if (piece) paragraphs[paragraphs.length - 1].push({ text: piece, mark: segment.mark });
    });
  }
  return paragraphs.filter((p) => p.some((s) => s.text.trim()));
}

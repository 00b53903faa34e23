// What the test database holds, read straight from the input files, so facet counts and dates on
// the page can be checked against the inputs and not only against the API that shows them.

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * The inputs indexed for the run: the DOJ sample plus fixtures with other issuers and Chinese,
 * and twelve 2005 releases from twelve issuers (more than a facet lists before "Show all").
 */
export function inputFiles(sourceDir) {
  return [
    path.join(sourceDir, "data/sample/doj_press_releases_sample.jsonl.gz"),
    path.join(sourceDir, "tests/data/jsonl/releases.jsonl"),
    path.join(sourceDir, "tests/data/zh/releases.jsonl"),
    path.join(sourceDir, "tests/data/browser/many_issuers.jsonl"),
  ];
}

function readLines(file) {
  const bytes = fs.readFileSync(file);
  const text = (file.endsWith(".gz") ? zlib.gunzipSync(bytes) : bytes).toString("utf8");
  return text.split("\n").filter((line) => line.trim());
}

/** Every release of the inputs: { id, title, date (YYYY-MM-DD...), source, lang, body }. */
export function loadReleases(sourceDir) {
  return inputFiles(sourceDir).flatMap((file) => readLines(file).map((line) => {
    const { id, title, date, source, lang, body } = JSON.parse(line);
    return { id, title, date, source, lang, body };
  }));
}

/** How many releases hold these words as a phrase (in order, only punctuation between). */
export function countPhrase(releases, words) {
  const phrase = new RegExp(words.map((w) => w.replace(/[^\p{L}\p{N}]/gu, "")).join("[^\\p{L}\\p{N}]+"), "iu");
  return releases.filter((r) => phrase.test(`${r.title}\n${r.body}`)).length;
}

/** Counts by issuer and by language of the releases dated from `fromYear` on (inclusive). */
export function countFrom(releases, fromYear) {
  const chosen = releases.filter((r) => r.date.slice(0, 4) >= String(fromYear));
  const tally = (key) => {
    const counts = new Map();
    for (const r of chosen) counts.set(r[key], (counts.get(r[key]) ?? 0) + 1);
    return counts;
  };
  return { total: chosen.length, source: tally("source"), lang: tally("lang"), releases: chosen };
}

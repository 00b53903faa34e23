// Accuracy checks of a Dateline index over real corpora, against the corpus files themselves.
// Usage: node checks.mjs --url URL --first FIRST.json --second SECOND.json --first-err ERR FILE...
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';

const { values: opts, positionals: corpusFiles } = parseArgs({
  options: {
    url: { type: 'string' },
    first: { type: 'string' },
    second: { type: 'string' },
    'first-err': { type: 'string' },
  },
  allowPositionals: true,
});

let passed = 0;
let failed = 0;
function check(name, ok, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` (${detail})` : ''}`);
}

// Lower-case, punctuation to spaces: what phrase matching over words sees.
const normalise = (text) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

const records = new Map();
for (const file of corpusFiles) {
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    records.set(r.id, r);
  }
}

// 1. Indexing: every record indexed once; a second run changes nothing.
const first = JSON.parse(readFileSync(opts.first, 'utf8'));
const second = JSON.parse(readFileSync(opts.second, 'utf8'));
check('every corpus record is indexed', first.added === records.size && first.skipped === 0,
  `${first.added} added, ${first.skipped} skipped, ${records.size} records`);
check('the database holds one document per record', first.documents === records.size,
  `${first.documents} documents`);
check('a second run finds everything unchanged',
  second.unchanged === records.size && second.added === 0 && second.replaced === 0,
  `${second.unchanged} unchanged`);
const rate = first.records / first.seconds;
console.log(`note: first run indexed ${first.records} records in ${first.seconds.toFixed(1)} s (${rate.toFixed(0)}/s)`);

async function search(params) {
  const res = await fetch(`${opts.url}api/search?${new URLSearchParams(params)}`);
  if (res.status !== 200) throw new Error(`${res.status} for ${JSON.stringify(params)}: ${await res.text()}`);
  return res.json();
}

async function allHits(q) {
  const hits = [];
  for (let page = 1; page <= 100; page++) {
    const body = await search({ q, page: String(page), size: '100' });
    hits.push(...body.hits);
    if (body.hits.length < 100) return { hits, total: body.total };
  }
  return { hits, total: hits.length };
}

// 2. Phrase precision and recall: every hit for a quoted phrase contains it; every record that
// contains it is found.
const phrases = ['health care fraud', 'Hong Kong', 'Belt and Road', 'South China Sea',
  'Korean Peninsula', 'crude oil', 'trade war', 'Hurricane Katrina', 'False Claims Act',
  'Foreign Corrupt Practices Act', 'civil rights', 'identity theft'];
for (const phrase of phrases) {
  const needle = normalise(phrase);
  const expected = new Set();
  for (const [id, r] of records) {
    if (normalise(`${r.title} \n ${r.body}`).includes(needle)) expected.add(id);
  }
  const { hits, total } = await allHits(`"${phrase}"`);
  const wrong = hits.filter((h) => !expected.has(h.id));
  const found = new Set(hits.map((h) => h.id));
  const missed = [...expected].filter((id) => !found.has(id));
  const precision = hits.length ? 1 - wrong.length / hits.length : 1;
  const recall = expected.size ? 1 - missed.length / expected.size : 1;
  check(`"${phrase}": every hit contains the phrase`, precision === 1,
    `${hits.length} hits, precision ${precision.toFixed(4)}${wrong.length ? `, e.g. ${wrong[0].id}` : ''}`);
  check(`"${phrase}": recall at least 0.99`, recall >= 0.99,
    `${expected.size} records contain it, recall ${recall.toFixed(4)}, total ${total}${missed.length ? `, e.g. missed ${missed[0]}` : ''}`);
}

// 3. Known-item search: a release's own title, typed without quotes, finds it in the top 10.
const ids = [...records.keys()].sort();
const sample = [];
for (let i = 0; i < ids.length && sample.length < 300; i += Math.max(1, Math.floor(ids.length / 300))) {
  const r = records.get(ids[i]);
  if (r.title && r.title.length >= 20 && r.title.length <= 300) sample.push(r);
}
let reciprocal = 0;
let top10 = 0;
for (const r of sample) {
  const body = await search({ q: r.title, size: '10' });
  const rank = body.hits.findIndex((h) => h.id === r.id);
  if (rank >= 0) {
    top10++;
    reciprocal += 1 / (rank + 1);
  }
}
const mrr = reciprocal / sample.length;
check('known-item title search: found in the top 10 for 95% of releases',
  top10 / sample.length >= 0.95, `${top10}/${sample.length}, MRR@10 ${mrr.toFixed(3)}`);

// 4. Snippets highlight what was searched.
const snippetQueries = ['antitrust', 'tax evasion', '"health care fraud"', 'extradition'];
for (const q of snippetQueries) {
  const body = await search({ q, size: '20' });
  const marked = body.hits.filter((h) => h.snippet_html.includes('<mark>') || h.title_html.includes('<mark>'));
  check(`${q}: every hit highlights a match in its title or snippet`, marked.length === body.hits.length,
    `${marked.length}/${body.hits.length}`);
}

// 5. Relevance: the queries of tests/relevance/corpus_queries.tsv, each with the releases a
// reader wants within its top N (read from the corpus by hand). Each is reported; at least
// 90% must pass.
const relevanceFile = new URL('../relevance/corpus_queries.tsv', import.meta.url);
const relevanceCases = [];
readFileSync(relevanceFile, 'utf8').split('\n').forEach((raw, index) => {
  const line = raw.replace(/\r$/, '');
  if (!line.trim() || line.startsWith('#')) return;
  const [query, ids, maxRank, note, ...extra] = line.split('\t');
  const where = `corpus_queries.tsv:${index + 1}`;
  const rank = maxRank === 'known-miss' ? 0 : Number(maxRank);
  const valid = query && ids && note && extra.length === 0 && [0, 1, 3, 10].includes(rank);
  if (!valid) check(`${where} is well-formed`, false, JSON.stringify(line));
  else relevanceCases.push({ where, query, expected: ids.split(','), maxRank: rank, note });
});
let relevancePassed = 0;
let relevanceChecked = 0;
let relevanceReciprocal = 0;
for (const c of relevanceCases) {
  const body = await search({ q: c.query, size: '10' });
  const found = body.hits.map((h) => h.id);
  const ranks = c.expected.map((id) => found.indexOf(id) + 1);  // 0: not in the top 10
  const best = Math.min(...ranks.map((r) => (r > 0 ? r : Infinity)));
  if (Number.isFinite(best)) relevanceReciprocal += 1 / best;
  const unknown = c.expected.filter((id) => !records.has(id));
  const limit = c.maxRank === 0 ? 10 : c.maxRank;
  const ok = unknown.length === 0 && ranks.every((r) => r > 0 && r <= limit);
  const top3 = body.hits.slice(0, 3).map((h, i) => `${i + 1}. ${h.title.slice(0, 80)}`).join(' | ');
  const detail = `ranks ${ranks.map((r) => (r > 0 ? r : '-')).join(',')} of max ${c.maxRank || 'known-miss'}` +
    (unknown.length ? `; ids not in the corpus: ${unknown.join(', ')}` : '') +
    (ok ? '' : `; top 3: ${top3 || '(no hits)'}`);
  if (c.maxRank === 0) {
    console.log(`known-miss ${JSON.stringify(c.query)} (${detail}; ${c.note})`);
    continue;
  }
  relevanceChecked++;
  if (ok) relevancePassed++;
  console.log(`${ok ? 'ok  ' : 'miss'} relevance ${JSON.stringify(c.query)} (${detail}; ${c.note})`);
}
const relevanceRate = relevanceChecked ? relevancePassed / relevanceChecked : 0;
const relevanceMrr = relevanceCases.length ? relevanceReciprocal / relevanceCases.length : 0;
check('corpus relevance: at least 90% of the queries find their releases within the top N',
  relevanceChecked >= 15 && relevanceRate >= 0.9,
  `${relevancePassed}/${relevanceChecked} (${(100 * relevanceRate).toFixed(1)}%), MRR@10 ${relevanceMrr.toFixed(3)} over ${relevanceCases.length} queries`);

console.log(`corpus checks: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

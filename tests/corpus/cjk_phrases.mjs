// Precision and recall of Chinese phrase search over a real corpus, against a plain substring
// scan of each record's title and body. Every miss must be explained (text the indexer's
// structure pass kept out of the index, or an exact duplicate shown once); unexplained misses
// fail the check.
// Usage: node cjk_phrases.mjs --url URL FILE.jsonl.gz
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';

const { values: opts, positionals: files } = parseArgs({
  options: { url: { type: 'string' } },
  allowPositionals: true,
});

// Multi-character phrases, common and rare; 南海 is a single bigram, the others phrases of
// bigrams. 合作共赢 also stands in the corpus as the list 合作、共赢 (23 releases), which a
// phrase of unigram positions would match.
const phrases = ['一带一路', '高质量发展', '人类命运共同体', '中美关系', '新冠肺炎疫情',
  '全球发展倡议', '一个中国原则', '和平共处五项原则', '合作共赢', '习近平', '南海', '外交部发言人'];

const records = new Map();
for (const file of files) {
  for (const line of gunzipSync(readFileSync(file)).toString('utf8').split('\n')) {
    if (line.trim()) {
      const r = JSON.parse(line);
      records.set(r.id, r);
    }
  }
}

// What the server collapses as exact duplicates: bodies equal with ASCII case and spacing folded.
const folded = (body) =>
  body.replace(/[\t\n\v\f\r ]+/g, ' ').trim().replace(/[A-Z]/g, (c) => c.toLowerCase());

async function get(path) {
  const res = await fetch(`${opts.url}${path}`);
  if (res.status !== 200) throw new Error(`${res.status} for ${path}: ${await res.text()}`);
  return res.json();
}

async function allHits(q) {
  const hits = [];
  let interpreted = '';
  for (let page = 1; page <= 100; page++) {
    const params = new URLSearchParams({ q, page: String(page), size: '100' });
    const body = await get(`api/search?${params}`);
    hits.push(...body.hits);
    interpreted = body.interpreted_as;
    if (body.hits.length < 100) break;
  }
  return { hits, interpreted };
}

// Why a record that contains the phrase is not a hit, or null if nothing explains it.
async function whyMissed(id, phrase, hits) {
  const body = folded(records.get(id).body);
  const twin = hits.find((h) => records.has(h.id) && folded(records.get(h.id).body) === body);
  if (twin) return `${id}: an exact duplicate of hit ${twin.id}`;
  const stored = await get(`api/doc/${encodeURIComponent(id)}`);
  if (!`${stored.title}\n${stored.body}`.includes(phrase)) {
    return `${id}: not in the indexed text (the structure pass kept it out)`;
  }
  return null;
}

// Why a hit whose record does not contain the phrase matched, or null if nothing explains it.
async function whyFound(id, phrase) {
  const stored = await get(`api/doc/${encodeURIComponent(id)}`);
  return stored.place.includes(phrase) ? `${id}: in its dateline place` : null;
}

// Pads text to `width` columns, counting CJK characters as two.
const pad = (text, width) => text + ' '.repeat(Math.max(0, width - 2 * [...text].length));

let failures = 0;
console.log(`     ${'phrase'.padEnd(17)}corpus   hits  precision  recall  explained misses`);
for (const phrase of phrases) {
  const expected = new Set();
  for (const [id, r] of records) {
    if (`${r.title}\n${r.body}`.includes(phrase)) expected.add(id);
  }
  const { hits, interpreted } = await allHits(phrase);
  const found = new Set(hits.map((h) => h.id));
  const wrong = hits.filter((h) => !expected.has(h.id)).map((h) => h.id);
  const missed = [...expected].filter((id) => !found.has(id));
  const notes = [];
  const unexplained = [];
  for (const id of missed) {
    const why = await whyMissed(id, phrase, hits);
    if (why) notes.push(why);
    else unexplained.push(id);
  }
  for (const id of wrong) {
    const why = await whyFound(id, phrase);
    if (why) notes.push(why);
    else unexplained.push(id);
  }
  const precision = hits.length ? 1 - wrong.length / hits.length : 1;
  const recall = expected.size ? 1 - missed.length / expected.size : 1;
  const ok = unexplained.length === 0 && interpreted === 'full';
  if (!ok) failures++;
  const counts = `${String(expected.size).padStart(6)} ${String(hits.length).padStart(6)}`;
  const rates = `${precision.toFixed(4)}  ${recall.toFixed(4)}`;
  const problems = unexplained.length
    ? `; ${unexplained.length} unexplained, e.g. ${unexplained[0]}`
    : '';
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${pad(phrase, 17)}${counts}     ${rates}  ${notes.length}${problems}`);
  for (const note of notes) console.log(`       ${note}`);
}
const exact = phrases.length - failures;
console.log(`cjk phrase check: ${exact} of ${phrases.length} phrases exact (or every miss explained)`);
process.exit(failures === 0 ? 0 : 1);

// Browser tests of the Dateline page and the <dateline-search> component: headless Debian
// Chromium driven by playwright-core against real dateline-server processes on loopback ports.
//
// Usage: node main.mjs INDEXER_BIN SERVER_BIN SOURCE_DIR
// Environment: ARTIFACT_DIR (screenshots), WEB_DIR (the page to test, default SOURCE_DIR/web),
// BROWSER_AREAS (comma-separated subset of the areas below), CHROMIUM_BIN, BROWSER_TIMEOUT_MS.
// Prints one line per check and a final "N passed, M failed"; exits 1 on any failure.

import assert from "node:assert/strict";
import { rmSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { externalRequests, launchBrowser, problems } from "./lib/browser.mjs";
import { inputFiles, loadReleases } from "./lib/fixtures.mjs";
import { startHostServer } from "./lib/host-server.mjs";
import { abort, check, counts } from "./lib/report.mjs";
import { runIndexer, startServer } from "./lib/servers.mjs";

const AREAS = ["states", "search", "facets", "estimates", "timeline", "pager", "document", "keyboard", "component",
  "iframe", "subpath", "size", "screenshots", "print", "a11y"];

const here = path.dirname(fileURLToPath(import.meta.url));
const [indexerBin, serverBin, sourceArg] = process.argv.slice(2);
if (!sourceArg) {
  console.error("browser tests: usage: node main.mjs INDEXER_BIN SERVER_BIN SOURCE_DIR");
  process.exit(2);
}
const sourceDir = path.resolve(sourceArg);
const webDir = path.resolve(process.env.WEB_DIR || path.join(sourceDir, "web"));
const artifactDir = path.resolve(process.env.ARTIFACT_DIR || path.join(here, "artifacts"));
const chosen = process.env.BROWSER_AREAS ? process.env.BROWSER_AREAS.split(",") : AREAS;
const unknown = chosen.filter((a) => !AREAS.includes(a));
if (unknown.length) {
  console.error(`browser tests: unknown area ${unknown.join(", ")} (known: ${AREAS.join(", ")})`);
  process.exit(2);
}

const cleanups = [];
const started = Date.now();
// A signal (ctest's timeout, Ctrl-C) still stops the servers: the exit handler in servers.mjs.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(signal === "SIGINT" ? 130 : 143));
try {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-browser-"));
  process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));
  await fs.mkdir(artifactDir, { recursive: true });

  const db = path.join(tmp, "db");
  await runIndexer(indexerBin, db, inputFiles(sourceDir));

  // Two host sites: the first is allowed by the server (CORS and frames), the second is not.
  let main;
  const vars = () => ({ DATELINE: main.url });
  const allowed = await startHostServer(path.join(here, "hosts"), vars);
  cleanups.push(() => allowed.close());
  const other = await startHostServer(path.join(here, "hosts"), vars);
  cleanups.push(() => other.close());

  main = await startServer({
    bin: serverBin, db, webDir,
    args: ["--cors-origin", allowed.origin, "--frame-ancestors", `'self' ${allowed.origin}`],
  });
  cleanups.push(() => main.stop());
  const sub = await startServer({ bin: serverBin, db, webDir, basePath: "/search/" });
  cleanups.push(() => sub.stop());
  console.log(`# page ${webDir}, server ${main.url} (and ${sub.url}), hosts ${allowed.origin} (allowed) ${other.origin}`);

  const browser = await launchBrowser();
  cleanups.push(() => browser.close());
  const env = {
    browser, main, sub, allowed, other, sourceDir, artifactDir, releases: loadReleases(sourceDir),
    // Another server on the same database, for an area that needs other options.
    startServer: (options) => startServer({ bin: serverBin, db, webDir, ...options }),
  };

  for (const area of chosen) {
    const { default: run } = await import(`./areas/${area}.mjs`);
    try {
      await run(env);
    } catch (err) {
      abort(area, err);
    }
  }

  await check("all areas: no uncaught page errors or CSP violations, no request left the loopback", async () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(externalRequests, []);
  });
  if (counts().failed) {
    for (const server of [main, sub]) console.log(`# ${server.url} stderr:\n${server.stderrTail()}`);
  }
} catch (err) {
  abort("setup", err);
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
}

const { passed, failed } = counts();
console.log(`# screenshots in ${artifactDir}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

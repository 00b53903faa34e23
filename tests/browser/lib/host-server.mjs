// A stand-in for an intranet site on another origin: serves the pages in tests/browser/hosts/
// from its own loopback port (origins differ by port), with {{DATELINE}} replaced by the search
// server's URL and {{ORIGIN}} by the host's own origin.

import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";

/** Resolves to { origin, close() }; `vars()` is read on each request (the server starts later). */
export function startHostServer(dir, vars) {
  const server = http.createServer(async (req, res) => {
    const name = path.basename(new URL(req.url, "http://host").pathname);
    if (!/^[a-z0-9-]+\.html$/.test(name)) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
      return;
    }
    try {
      const template = await fs.readFile(path.join(dir, name), "utf8");
      const values = { ...vars(), ORIGIN: origin };
      const body = template.replace(/\{\{([A-Z]+)\}\}/g, (whole, key) => values[key] ?? whole);
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).end(body);
    } catch {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
    }
  });
  let origin = "";
  return new Promise((resolve, reject) => {
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      origin = `http://127.0.0.1:${server.address().port}`;
      resolve({
        origin,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

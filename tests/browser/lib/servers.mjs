// Child processes of the run: the indexer that builds the test database and dateline-server
// instances on free loopback ports (each prints "listening on http://127.0.0.1:PORT/").

import { spawn } from "node:child_process";
import { TIMEOUT_MS } from "./wait.mjs";

// Whatever ends the run (a crash, a signal), no server outlives it.
const running = new Set();
process.on("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Runs the indexer over `inputs` into `db`; rejects with its stderr when it fails. */
export function runIndexer(bin, db, inputs) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, ["--db", db, "--quiet", "--strict", ...inputs], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => { stderr += chunk; });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`indexer exited with ${code}:\n${stderr}`));
    });
  });
}

/**
 * Starts dateline-server; resolves to { origin, url (with the base path), stderrTail(), stop() }.
 * `basePath` is the --base-path value ("/" by default).
 */
export function startServer({ bin, db, webDir, basePath = "/", args = [] }) {
  const argv = ["--db", db, "--port", "0", "--web-dir", webDir, "--threads", "2",
    "--log-level", "warn", "--base-path", basePath, ...args];
  const child = spawn(bin, argv, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.on("exit", () => running.delete(child));
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal)));

  const server = {
    origin: "",
    url: "",
    stderrTail: () => stderr.split("\n").slice(-20).join("\n"),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };

  return new Promise((resolve, reject) => {
    const limit = 2 * TIMEOUT_MS;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`dateline-server did not print its address within ${limit} ms:\n${stderr}`));
    }, limit);
    child.on("error", (err) => { clearTimeout(timer); reject(err); });
    exited.then((status) => {
      clearTimeout(timer);
      reject(new Error(`dateline-server ${argv.join(" ")} exited (${status}) before listening:\n${stderr}`));
    });
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout);
      if (!found || server.origin) return;
      clearTimeout(timer);
      server.origin = found[1];
      server.url = new URL(basePath, server.origin).href;
      resolve(server);
    });
  });
}

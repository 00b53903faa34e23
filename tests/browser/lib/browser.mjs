// One headless Debian Chromium for the whole run; each area opens its own contexts in it.
// Every context refuses requests that leave the loopback interface and records page errors and
// console errors (CSP violations show up there) for the final check.

import { chromium } from "playwright-core";
import { TIMEOUT_MS } from "./wait.mjs";

const CHROMIUM = process.env.CHROMIUM_BIN || "/usr/bin/chromium";
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

export const problems = [];
export const externalRequests = [];

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage"],
  });
}

/**
 * A fresh context (own cookies, cache, history). `consoleErrorsExpected`: the area provokes
 * console errors on purpose (refused CORS, refused frames), so only uncaught errors count.
 */
export async function newContext(browser, { consoleErrorsExpected = false, ...options } = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: "light",
    locale: "en-US",
    timezoneId: "UTC",
    ...options,
  });
  context.setDefaultTimeout(TIMEOUT_MS);
  await context.route((url) => !LOOPBACK.has(url.hostname), (route) => {
    externalRequests.push(route.request().url());
    return route.abort();
  });
  const watch = (page) => {
    page.on("pageerror", (err) => problems.push(`${page.url()}: uncaught ${err.message}`));
    page.on("console", (msg) => {
      const text = msg.text();
      // 4xx answers are provoked on purpose; Chromium logs each as "Failed to load resource".
      if (msg.type() !== "error" || consoleErrorsExpected || text.startsWith("Failed to load resource")) return;
      problems.push(`${page.url()}: console: ${text}`);
    });
  };
  context.on("page", watch);
  return context;
}

/** A page in a new context; closing the context is the caller's job (`page.context().close()`). */
export async function newPage(browser, options) {
  const context = await newContext(browser, options);
  return context.newPage();
}

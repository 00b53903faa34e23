// Talks to the JSON API. URLs are relative to the endpoint (or to the page when it is ""),
// so the page also works under a reverse-proxy sub-path.

/** kind: "request" (the server named the problem), "not-found", "unavailable", "network". */
export class ApiError extends Error {
  constructor(kind, message, status = 0) {
    super(message);
    this.name = "ApiError";
    this.kind = kind;
    this.status = status;
  }
}

/**
 * endpoint: "" (relative to pageUrl) or an absolute base URL ending in "/".
 * pageUrl: the document's base URL (document.baseURI).
 */
export function createApi(endpoint, pageUrl) {
  const base = new URL(endpoint || ".", pageUrl);
  const pageOrigin = new URL(pageUrl).origin;
  const crossOrigin = base.origin !== pageOrigin;

  async function get(url, signal) {
    let response;
    try {
      response = await fetch(url, { signal, headers: { Accept: "application/json" } });
    } catch (err) {
      if (err && err.name === "AbortError") throw err;
      // A refused CORS request fails exactly like an unreachable server.
      throw new ApiError("network", crossOrigin
        ? `The search server at ${base.href} could not be reached, or it does not allow pages ` +
          `from ${pageOrigin}. Its administrator can allow them with --cors-origin ${pageOrigin}.`
        : "The search server could not be reached. Check your connection, then try again.");
    }
    let body = null;
    try {
      body = await response.json();
    } catch (err) {
      if (err && err.name === "AbortError") throw err;
    }
    if (response.ok && body && typeof body === "object") return body;
    const message = body && body.error && typeof body.error.message === "string" ? body.error.message : "";
    if (response.status === 404) throw new ApiError("not-found", message, 404);
    if (response.status >= 400 && response.status < 500 && message) {
      throw new ApiError("request", message, response.status);
    }
    throw new ApiError("unavailable",
      "The search service is unavailable at the moment. Wait a little, then try again.", response.status);
  }

  return {
    origin: pageOrigin,
    search(params, signal) {
      const url = new URL("api/search", base);
      url.search = params.toString();
      return get(url, signal);
    },
    document(id, q, signal) {
      const url = new URL("api/doc/" + encodeURIComponent(id), base);
      if (q) url.search = new URLSearchParams({ q }).toString();
      return get(url, signal);
    },
  };
}

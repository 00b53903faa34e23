// Talks to the JSON API with relative URLs, so the page also works under a proxy sub-path.

export const UNAVAILABLE_MESSAGE = "The search service is unavailable, try again.";

/** A failed search: kind is "request" (the server said what was wrong) or "unavailable". */
export class SearchError extends Error {
  constructor(kind, message, status = 0) {
    super(message);
    this.name = "SearchError";
    this.kind = kind;
    this.status = status;
  }
}

/**
 * GET endpoint?params and return the parsed 200 body.
 * Throws SearchError, or the fetch AbortError when signal is aborted.
 */
export async function searchApi(endpoint, params, signal) {
  let response;
  try {
    response = await fetch(endpoint + "?" + params.toString(), {
      signal,
      headers: { Accept: "application/json" },
    });
  } catch (err) {
    if (err && err.name === "AbortError") throw err;
    throw new SearchError("unavailable", UNAVAILABLE_MESSAGE);
  }

  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    if (err && err.name === "AbortError") throw err;
    body = null;
  }

  if (response.ok && body && Array.isArray(body.hits)) return body;

  const message = body && body.error && typeof body.error.message === "string"
    ? body.error.message : "";
  if (response.status >= 400 && response.status < 500 && message) {
    throw new SearchError("request", message, response.status);
  }
  throw new SearchError("unavailable", UNAVAILABLE_MESSAGE, response.status);
}

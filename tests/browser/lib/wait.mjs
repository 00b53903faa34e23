// Waiting on conditions, never on fixed delays: an assertion is retried until it holds or the
// time is up, and then its last failure is the reason the check fails.

export const TIMEOUT_MS = Number(process.env.BROWSER_TIMEOUT_MS || 10_000);
const POLL_MS = 50;

/** Retries `assertion` (async, throws when not yet true) until it passes; returns its value. */
export async function eventually(assertion, timeoutMs = TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (err) {
      if (Date.now() >= deadline) {
        err.message = `still failing after ${timeoutMs} ms: ${err.message}`;
        throw err;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

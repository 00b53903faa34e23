// One line per check ("ok N - name" / "not ok N - name" with the reason), then "N passed, M failed".

let passed = 0;
let failed = 0;

function firstLines(err, count) {
  const text = String(err && err.message ? err.message : err);
  return text.split("\n").slice(0, count).join("\n    ");
}

/** Runs one named check; a thrown error (an assertion or a timeout) fails it, the run goes on. */
export async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok ${passed + failed} - ${name}`);
    return true;
  } catch (err) {
    failed += 1;
    console.log(`not ok ${passed + failed} - ${name}\n    ${firstLines(err, 12)}`);
    return false;
  }
}

/** An area that could not even be set up counts as one failure. */
export function abort(area, err) {
  failed += 1;
  console.log(`not ok ${passed + failed} - ${area}: could not run: ${err && err.stack ? err.stack : err}`);
}

export function counts() {
  return { passed, failed };
}

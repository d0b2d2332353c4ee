// Runs in the lab page (and, for "worker" scenarios, in a dedicated worker). Each run makes one
// request to a unique URL so the preflight cache never hides an OPTIONS.
/* global LAB */
let counter = 0;

function urlFor(scenario) {
  counter += 1;
  const target = scenario.client.target;
  const base = target === "closed" ? LAB.closed : target === "other" ? LAB.other : LAB.api;
  return `${base}/s/${scenario.id}?n=${Date.now().toString(36)}${counter}`;
}

function viaFetch(url, c) {
  const init = {
    method: c.method ?? "GET",
    headers: c.headers ?? {},
    credentials: c.credentials ?? "same-origin",
    mode: c.mode ?? "cors",
  };
  if (c.body !== undefined) init.body = c.body;
  if (c.referrerPolicy) init.referrerPolicy = c.referrerPolicy;
  return fetch(url, init).then(
    (r) => ({ ok: true, status: r.status, type: r.type }),
    (e) => ({ ok: false, error: String(e) }),
  );
}

function viaXhr(url, c) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open(c.method ?? "GET", url);
    xhr.withCredentials = c.withCredentials === true;
    xhr.onload = () => resolve({ ok: true, status: xhr.status });
    xhr.onerror = () => resolve({ ok: false, error: "XMLHttpRequest error" });
    xhr.send();
  });
}

function viaImage(url) {
  return new Promise((resolve) => {
    const img = new Image();
    img.crossOrigin = "anonymous";
    img.onload = () => resolve({ ok: true });
    img.onerror = () => resolve({ ok: false, error: "image error" });
    img.src = url;
  });
}

function viaFont(url, id) {
  return new FontFace(`lab-${id}`, `url(${url})`).load().then(
    () => ({ ok: true }),
    (e) => ({ ok: false, error: String(e) }),
  );
}

// A beacon's response never reaches the page: `true` only says the browser queued it. The
// browsers' own verdict is in their DevTools and console (the oracles read those).
function viaBeacon(url, c) {
  const queued = navigator.sendBeacon(url, new Blob([c.body ?? "{}"], { type: c.contentType }));
  return Promise.resolve(
    queued ? { ok: true, status: 0, type: "beacon" } : { ok: false, error: "not queued" },
  );
}

function viaWorker(url) {
  return new Promise((resolve) => {
    const worker = new Worker("/worker.js");
    worker.onmessage = (event) => {
      resolve(event.data);
      worker.terminate();
    };
    worker.postMessage({ url });
  });
}

async function runScenario(id) {
  const scenario = LAB.scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  const url = urlFor(scenario);
  const c = scenario.client;
  // The same request once before, so the browser answers the measured one from its preflight cache.
  if (c.warmUp) await viaFetch(url, c);
  const outcome =
    c.kind === "xhr"
      ? await viaXhr(url, c)
      : c.kind === "img"
        ? await viaImage(url)
        : c.kind === "font"
          ? await viaFont(url, id)
          : c.kind === "worker"
            ? await viaWorker(url)
            : c.kind === "beacon"
              ? await viaBeacon(url, c)
              : await viaFetch(url, c);
  const row = document.querySelector(`[data-scenario="${id}"] .outcome`);
  if (row) row.textContent = outcome.ok ? `ok ${outcome.status ?? ""}` : `failed: ${outcome.error}`;
  return { id, url, outcome };
}

async function runAll() {
  const results = [];
  for (const s of LAB.scenarios) results.push(await runScenario(s.id));
  return results;
}

// A session cookie for the lab's host, so credentialed requests carry a Cookie header.
document.cookie = "sessionid=lab-session; path=/";
window.runScenario = runScenario;
window.runAll = runAll;
// `?sw=1`: the page's requests go through a pass-through service worker (lab/server.mjs).
window.swReady =
  new URLSearchParams(location.search).get("sw") === "1" && "serviceWorker" in navigator
    ? navigator.serviceWorker.register("/sw.js").then(() =>
        navigator.serviceWorker.controller
          ? true
          : new Promise((resolve) =>
              navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true), {
                once: true,
              }),
            ),
      )
    : Promise.resolve(false);
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-run]");
  if (button) void runScenario(button.dataset.run);
  if (event.target.id === "run-all") void runAll();
});

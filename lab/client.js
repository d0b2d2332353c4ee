// Runs in the lab page (and, for "worker" scenarios, in a dedicated worker). Each run makes one
// request to a unique URL so the preflight cache never hides an OPTIONS.
/* global LAB */
let counter = 0;

function urlFor(scenario, delayMs) {
  counter += 1;
  const target = scenario.client.target;
  const base = target === "closed" ? LAB.closed : target === "other" ? LAB.other : LAB.api;
  const strategy = scenario.client.swStrategy ? `&sw=${scenario.client.swStrategy}` : "";
  const delay = delayMs > 0 ? `&delay=${delayMs}` : "";
  return `${base}/s/${scenario.id}?n=${Date.now().toString(36)}${counter}${strategy}${delay}`;
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

// EventSource: a CORS request (mode "cors", credentials "same-origin"); onopen means allowed.
function viaEventSource(url) {
  return new Promise((resolve) => {
    const source = new EventSource(url);
    source.onopen = () => {
      source.close();
      resolve({ ok: true, status: 200 });
    };
    source.onerror = () => {
      source.close();
      resolve({ ok: false, error: "EventSource error" });
    };
  });
}

// <link rel=preload as=fetch crossorigin>: a CORS fetch the page may reuse later.
function viaPreload(url) {
  return new Promise((resolve) => {
    const link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = url;
    link.onload = () => resolve({ ok: true });
    link.onerror = () => resolve({ ok: false, error: "preload error" });
    document.head.append(link);
  });
}

// A cross-origin iframe (on the second API's origin) makes the request: its origin is the frame's.
let frame = null;
function viaFrame(url) {
  frame ??= new Promise((resolve) => {
    const el = document.createElement("iframe");
    el.src = `${LAB.other}/frame.html`;
    el.style.display = "none";
    el.onload = () => resolve(el);
    document.body.append(el);
  });
  return frame.then(
    (el) =>
      new Promise((resolve) => {
        addEventListener("message", function once(e) {
          if (e.source !== el.contentWindow) return;
          removeEventListener("message", once);
          resolve(e.data);
        });
        el.contentWindow.postMessage({ url }, LAB.other);
      }),
  );
}

function viaSharedWorker(url) {
  return new Promise((resolve) => {
    const worker = new SharedWorker("/shared-worker.js");
    worker.port.onmessage = (event) => resolve(event.data);
    worker.port.postMessage({ url });
  });
}

// <script type=module> from another origin: a CORS request (mode "cors", credentials "same-origin").
function viaModule(url) {
  return new Promise((resolve) => {
    const script = document.createElement("script");
    script.type = "module";
    script.src = url;
    script.onload = () => resolve({ ok: true });
    script.onerror = () => resolve({ ok: false, error: "module script error" });
    document.head.append(script);
  });
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

// `delayMs`: the API answers that much later (each response, a preflight's too): a slow server.
async function runScenario(id, delayMs = 0) {
  const scenario = LAB.scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  const url = urlFor(scenario, delayMs);
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
              : c.kind === "eventsource"
                ? await viaEventSource(url)
                : c.kind === "preload"
                  ? await viaPreload(url)
                  : c.kind === "frame"
                    ? await viaFrame(url)
                    : c.kind === "shared-worker"
                      ? await viaSharedWorker(url)
                      : c.kind === "module"
                        ? await viaModule(url)
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

// app.js — starts the app: picks a GPU backend, loads the wasm engine, the font and the
// maps, and runs the frame loop. All drawing decisions are in C++.
//
// Contents
//   1. URL options and notices
//   2. GPU backend selection (WebGPU, else WebGL2, else a message in words)
//   3. Wasm module and string helpers
//   4. Map loading (catalogue ids, relative URLs, `extends` chains, dropped files), with
//      the limits a file from anyone's server needs: http(s) only, a timeout, a size cap.
//      Files reach C++ as bytes: the loader decides the encoding (Windows-1252 CSV,
//      invalid UTF-8 in JSON reported at line:col)
//   4b. Links from maps (http(s) only, no opener, no referrer)
//   5. Input (web/input.js) and the text view (web/textview.js)
//   6. Frame loop: drawn only when something changed, re-armed whatever happens; the
//      page's work that C++ asked for (events) done after the frame; window.qfq
//   7. Page events: address (debounced), downloads, links, clipboard, fullscreen

import { createWebGpuBackend } from './gpu_webgpu.js';
import { createWebGl2Backend } from './gpu_webgl2.js';
import { createInput } from './input.js';
import { createTextView } from './textview.js';
import { attachEditor, editorEvent, startEditor } from './editor.js';

// ---------------------------------------------------------------------------
// 1. URL options and notices
// ---------------------------------------------------------------------------
const params = new URLSearchParams(location.search);
const forcedRenderer = params.get('renderer');  // "webgpu" | "webgl2" | null
const canvasId = 'qfq-canvas';
const errors = [];
let noticeTimer = 0;

// How long a map may take to arrive, in seconds: ?timeout=5, or window.qfqFetchTimeout set
// before the call (tests); 30 s by default, enough for a big map on a slow line.
function fetchTimeoutSeconds() {
  const v = Number(window.qfqFetchTimeout || params.get('timeout'));
  return v > 0 ? v : 30;
}

// Errors of the page's own work (a refused address update, a failed download, an
// exception in a frame): listed once each, shown as a notice; the page goes on.
const reported = new Set();
function reportError(where, e) {
  const msg = `${where}: ${e && e.message ? e.message : e}`;
  if (reported.has(msg)) return;
  reported.add(msg);
  if (errors.length < 50) errors.push(msg);
  notice(`Une erreur est survenue (${where}) ; la carte reste utilisable`,
         `An error occurred (${msg}); the map remains usable`, 8000);
}

function notice(fr, en, ms = 8000) {
  const el = document.getElementById('qfq-notice');
  el.textContent = `${fr} — ${en}`;
  el.hidden = false;
  clearTimeout(noticeTimer);
  if (ms) noticeTimer = setTimeout(() => { el.hidden = true; }, ms);
}
function fatal(fr, en) {
  const el = document.getElementById('qfq-fatal');
  const p = document.createElement('p');
  p.textContent = fr;
  const q = document.createElement('p');
  q.lang = 'en';
  q.textContent = en;
  el.replaceChildren(p, q);
  el.hidden = false;
}

// ---------------------------------------------------------------------------
// 2. GPU backend selection
// ---------------------------------------------------------------------------
async function fetchText(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.text();
}
const shaderFiles = { graphWgsl: 'graph.wgsl', uiWgsl: 'ui.wgsl', nodesGlsl: 'nodes.glsl',
                      edgesGlsl: 'edges.glsl', uiGlsl: 'ui.glsl' };
async function loadShaders() {
  const out = {};
  await Promise.all(Object.entries(shaderFiles).map(async ([k, f]) => { out[k] = await fetchText(`shaders/${f}`); }));
  return out;
}

// A canvas that once had a WebGPU context cannot give a WebGL2 one: replace it.
function freshCanvas() {
  const old = document.getElementById(canvasId);
  const c = old.cloneNode(false);
  old.replaceWith(c);
  return c;
}

let gpu = null;         // the active backend
let module = null;      // the wasm module
let switching = false;  // a fallback is being set up
let shaderSources = null;  // kept for the fallback: the network may be gone by then

// A lost WebGL2 context comes back when the browser restores it: the backend rebuilds its
// programs and buffers, C++ re-sends the font atlas, and the next frame draws the same view.
function webGl2Hooks() {
  return {
    onLost: () => notice('Contexte WebGL2 perdu : la carte revient dès que le navigateur le rétablit',
                         'WebGL2 context lost: the map comes back as soon as the browser restores it', 0),
    onRestored: () => {
      if (module) { module._qfq_gpu_reset(); dirty(); }
      notice('Affichage rétabli', 'Display restored', 4000);
    },
    onError: (msg) => { if (errors.length < 50) errors.push(msg); },
  };
}

async function createBackend(shaders, preferWebGpu) {
  const hooks = {
    onLost: (why) => fallBack(`WebGPU perdu (${why})`, `WebGPU lost (${why})`),
    onError: (msg) => { if (errors.length < 50) errors.push(msg); },
  };
  if (preferWebGpu) {
    try {
      return await createWebGpuBackend(document.getElementById(canvasId), shaders, hooks);
    } catch (e) {
      errors.push(`webgpu: ${e.message}`);
      if (forcedRenderer === 'webgpu') throw e;
      notice('WebGPU indisponible, affichage en WebGL2', `WebGPU unavailable (${e.message}), using WebGL2`);
      freshCanvas();
    }
  }
  return createWebGl2Backend(document.getElementById(canvasId), shaders, webGl2Hooks());
}

async function fallBack(fr, en) {
  if (switching || !gpu || gpu.name !== 'webgpu') return;
  switching = true;
  notice(`${fr} : bascule en WebGL2`, `${en}: switching to WebGL2`);
  try {
    freshCanvas();
    input.attach();
    // The view (map, selection, camera) lives in C++ and is untouched: only the drawing moves.
    gpu = createWebGl2Backend(document.getElementById(canvasId), shaderSources || await loadShaders(), webGl2Hooks());
    module.qfqGpu = gpu;
    module._qfq_gpu_reset();  // re-uploads the font atlas to the new backend
    dirty();
  } catch (e) {
    fatal('Impossible d’afficher la carte : ni WebGPU ni WebGL2 ne fonctionnent.', `Cannot draw: ${e.message}`);
  }
  switching = false;
}

// ---------------------------------------------------------------------------
// 3. Wasm module and string helpers
// ---------------------------------------------------------------------------
function withString(s, fn) {
  const n = module.lengthBytesUTF8(s) + 1;
  const p = module._malloc(n);
  module.stringToUTF8(s, p, n);
  try { return fn(p); } finally { module._free(p); }
}
function readString(ptr) { return ptr ? module.UTF8ToString(ptr) : ''; }
// Calls an export with strings copied into wasm memory (numbers pass as they are).
function call(name, ...args) {
  const ptrs = [];
  const values = args.map((s) => {
    if (typeof s !== 'string') return s;
    const n = module.lengthBytesUTF8(s) + 1;
    const p = module._malloc(n);
    module.stringToUTF8(s, p, n);
    ptrs.push(p);
    return p;
  });
  try { return module[name](...values); } finally { ptrs.forEach((p) => module._free(p)); }
}

// Copies bytes into wasm memory for the call, freed after it.
function withBytes(bytes, fn) {
  const p = module._malloc(Math.max(bytes.byteLength, 1));
  module.HEAPU8.set(bytes, p);
  try { return fn(p, bytes.byteLength); } finally { module._free(p); }
}
const utf8 = new TextEncoder();
const asBytes = (x) => (typeof x === 'string' ? utf8.encode(x) : x instanceof Uint8Array ? x : new Uint8Array(x));

// ---------------------------------------------------------------------------
// 4. Map loading
// ---------------------------------------------------------------------------
let catalogue = { maps: [], default: 'national' };
const dataBase = new URL('data/', location.href);

function catalogueUrl(id) {
  const m = catalogue.maps.find((x) => x.id === id);
  return m ? new URL(m.path, dataBase).href : null;
}

// Why a file could not be read, in words for the notice and the list of load errors.
class LoadError extends Error {
  constructor(kind, fr, en) { super(en); this.kind = kind; this.fr = fr; this.en = en; }
}
const short = (s) => { s = String(s); return s.length > 100 ? `${s.slice(0, 97)}…` : s; };
// The loader's own limit (io::Limits::kFileBytes), asked from wasm rather than copied.
const fileLimit = () => module._qfq_file_limit();
const megabytes = (n) => Math.round(n / (1024 * 1024));

function tooLarge(name) {
  const mb = megabytes(fileLimit());
  return new LoadError('too-large',
    `« ${short(name)} » : fichier trop gros (plus de ${mb} Mo, la limite d’un fichier de carte)`,
    `"${short(name)}": file too large (over ${mb} MB, the limit for one map file)`);
}

// Only web addresses open a map: `javascript:`, `data:`, `file:`, `blob:`… are refused,
// relative ones are read against the page (or the map that names them).
function mapUrl(ref, base) {
  let u = null;
  try { u = new URL(ref, base); } catch (e) { /* refused below */ }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:'))
    throw new LoadError('scheme',
      `Adresse refusée « ${short(ref)} » : seules les adresses http:// et https:// peuvent ouvrir une carte`,
      `Address refused "${short(ref)}": only http:// and https:// addresses can open a map`);
  return u.href;
}

// Reads a body chunk by chunk, counting bytes: a file over the limit (or an endless
// stream) is aborted as soon as the limit is passed, before it fills the memory. The bytes
// are kept as they came: decoding is the loader's (C++) decision.
async function readCapped(response, url, controller, failure) {
  if (!response.body) return new Uint8Array(0);
  const limit = fileLimit();
  const reader = response.body.getReader();
  const parts = [];
  let bytes = 0;
  for (;;) {
    let chunk;
    try { chunk = await reader.read(); } catch (e) { throw failure(); }
    if (chunk.done) break;
    bytes += chunk.value.byteLength;
    if (bytes > limit) {
      controller.abort();
      throw tooLarge(url);
    }
    parts.push(chunk.value);
  }
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.byteLength; }
  return out;
}

// fetch with a timeout over the whole transfer and the size cap, every failure in words.
async function fetchMapBytes(url) {
  const controller = new AbortController();
  const seconds = fetchTimeoutSeconds();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; controller.abort(); }, seconds * 1000);
  // A fetch that rejects says nothing of why (the browser hides it from scripts): the
  // server is down, or it does not send Access-Control-Allow-Origin for this site.
  const failure = () => (timedOut
    ? new LoadError('timeout', `« ${short(url)} » : pas de réponse complète en ${seconds} s (délai dépassé)`,
                    `"${short(url)}": no complete answer within ${seconds} s (timed out)`)
    : new LoadError('network',
      `« ${short(url)} » illisible : le serveur est injoignable, ou il n’autorise pas ce site à lire ses fichiers (CORS)`,
      `Cannot read "${short(url)}": the server is unreachable, or it does not allow this site to read its files (CORS)`));
  try {
    let response;
    try { response = await fetch(url, { signal: controller.signal }); } catch (e) { throw failure(); }
    if (!response.ok) {
      controller.abort();
      const code = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new LoadError('http', `« ${short(url)} » : le serveur a répondu ${code}`,
                          `"${short(url)}": the server answered ${code}`);
    }
    // Refused before reading when the server announces the size.
    if (Number(response.headers.get('content-length')) > fileLimit()) {
      controller.abort();
      throw tooLarge(url);
    }
    return await readCapped(response, url, controller, failure);
  } finally {
    clearTimeout(timer);
  }
}

// Shows why a file could not be read: the notice, and the list of load errors (C++).
function reportLoadError(e) {
  notice(e.fr, e.en, 12000);
  call('_qfq_load_problem', '', e.fr, e.en, 1);
  dirty();
}

// Fetches a map and the chain of maps it extends, then hands them all to C++, which
// resolves, validates and either swaps the map in or keeps the old one and lists errors.
// A file that cannot be read leaves the map on screen as it was. `body` (a dropped file's
// bytes, or text from a script) replaces the download of `ref`.
async function loadMap(ref, body = null, name = null) {
  const docs = [];
  let baseFailure = null;
  try {
    // A bare id ("?map=bretagne") names a catalogue map: say so when the catalogue lacks it,
    // rather than fetching "bretagne" as a path and showing a 404.
    if (body === null && /^[a-z0-9][a-z0-9-]{0,63}$/.test(ref) && !catalogueUrl(ref)) {
      const ids = catalogue.maps.map((m) => m.id).join(', ') || '—';
      throw new LoadError('unknown-map',
        `La carte « ${short(ref)} » n’est pas dans le catalogue de ce site (data/index.json) ; cartes : ${ids}. Choisir une carte dans la liste, ou donner l’adresse de son fichier (?map=https://…/carte.json)`,
        `Map "${short(ref)}" is not in this site's catalogue (data/index.json); maps: ${ids}. Pick a map from the list, or give its file's address (?map=https://…/map.json)`);
    }
    let url = body === null ? (catalogueUrl(ref) || mapUrl(ref, location.href)) : null;
    let docName = name || url;
    let bytes = body === null ? await fetchMapBytes(url) : asBytes(body);
    docs.push({ from: '', ref, name: docName, bytes });
    const seen = new Set([docName]);
    for (let depth = 0; depth < 16; ++depth) {
      const base = withBytes(bytes, (p, n) => readString(module._qfq_extends_of_bytes(p, n)));
      if (!base) break;
      let baseUrl;
      try {
        baseUrl = catalogueUrl(base) || mapUrl(base, url || dataBase);
      } catch (e) {
        baseFailure = e;  // C++ reports the missing base where `extends` names it
        break;
      }
      if (seen.has(baseUrl)) break;  // a cycle: C++ reports it with its location
      seen.add(baseUrl);
      let baseBytes;
      try {
        baseBytes = await fetchMapBytes(baseUrl);
      } catch (e) {
        if (!(e instanceof LoadError)) throw e;
        baseFailure = e;  // C++ reports the missing base where `extends` names it; this says why
        break;
      }
      docs.push({ from: docName, ref: base, name: baseUrl, bytes: baseBytes });
      url = baseUrl; docName = baseUrl; bytes = baseBytes;
    }
  } catch (e) {
    if (!(e instanceof LoadError)) throw e;
    reportLoadError(e);
    return false;
  }
  const t0 = performance.now();
  module._qfq_load_begin();
  for (const d of docs) withBytes(d.bytes, (p, n) => call('_qfq_load_add_bytes', d.from, d.ref, d.name, p, n));
  const ok = module._qfq_load_finish() === 1;
  dirty();
  // For benchmarks: how long parsing, checking and indexing took in wasm.
  window.qfq.lastLoad = { ms: performance.now() - t0, bytes: docs.reduce((n, d) => n + d.bytes.byteLength, 0), ok };
  if (!ok && baseFailure) call('_qfq_load_problem', '', baseFailure.fr, baseFailure.en, 0);
  if (!ok) notice('La carte contient des erreurs : la carte précédente reste affichée',
                  'The map has errors: the previous map stays on screen', 12000);
  if (textView && textView.shown) textView.render();
  return ok;
}

// A dropped file over the loader's limit is refused before it is read into memory.
function checkDroppedSize(files) {
  const big = files.find((f) => f.size > fileLimit());
  if (!big) return true;
  reportLoadError(tooLarge(big.name));
  return false;
}

async function loadDroppedFile(file) {
  if (!checkDroppedSize([file])) return false;
  const bytes = new Uint8Array(await file.arrayBuffer());
  return loadMap(file.name, bytes, file.name);
}

// Two CSV files (actors + relations, exported from a spreadsheet) become a map that
// extends the one on screen. Which is which is read from the header (ASCII column names
// in any of the encodings a spreadsheet writes): relations have "from".
async function loadDroppedCsvPair(files) {
  if (!checkDroppedSize(files)) return false;
  const bytes = await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer())));
  const header = (b) => new TextDecoder('latin1').decode(b.subarray(0, 4096)).split(/\r?\n/)[0];
  const isRelations = (b) => /(^|[;,\t])"?from"?([;,\t]|$)/m.test(header(b));
  let [a, r] = [0, 1];
  if (isRelations(bytes[0]) && !isRelations(bytes[1])) [a, r] = [1, 0];
  const ok = withBytes(bytes[a], (pa, na) => withBytes(bytes[r], (pr, nr) =>
    call('_qfq_import_csv_bytes', files[a].name, pa, na, files[r].name, pr, nr))) === 1;
  dirty();
  if (!ok) notice('Le tableur contient des erreurs : la carte précédente reste affichée',
                  'The spreadsheet has errors: the previous map stays on screen', 12000);
  if (textView && textView.shown) textView.render();
  return ok;
}

function loadDropped(fileList) {
  const files = [...fileList];
  const csv = files.filter((f) => /\.csv$/i.test(f.name));
  if (csv.length === 2) return loadDroppedCsvPair(csv);
  if (csv.length === 1) {
    notice('Déposez les deux fichiers CSV ensemble (acteurs et relations)',
           'Drop both CSV files together (actors and relations)');
    return Promise.resolve(false);
  }
  return files[0] ? loadDroppedFile(files[0]) : Promise.resolve(false);
}

// ---------------------------------------------------------------------------
// 4b. Links from maps
// ---------------------------------------------------------------------------

// A map's website and source links open only if they are web addresses, in a new tab that
// can neither reach back to this page (noopener) nor learn its address (noreferrer).
// The loader already refuses other schemes; this holds whatever a map slips through.
function openExternal(url) {
  let u = null;
  try { u = new URL(url); } catch (e) { /* refused below */ }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) {
    notice(`Lien refusé : « ${short(url)} » n’est pas une adresse web (http:// ou https://)`,
           `Link refused: "${short(url)}" is not a web address (http:// or https://)`);
    return false;
  }
  window.open(u.href, '_blank', 'noopener,noreferrer');
  return true;
}

// ---------------------------------------------------------------------------
// 5. Input and the text view
// ---------------------------------------------------------------------------
let wanted = true;  // a frame was asked for by the page (input, a load, a resize)
// Wakes the frame loop if it sleeps (see frame()).
function dirty() {
  wanted = true;
  if (sleeping) wakeLoop();
}
const currentLang = () => (document.documentElement.lang === 'en' ? 'en' : 'fr');

const input = createInput({
  module: () => module,
  call: (...a) => call(...a),
  withString: (s, fn) => withString(s, fn),
  canvas: () => document.getElementById(canvasId),
  active: () => !(textView && textView.shown),
  dirty,
  onDrop: (files) => loadDropped(files),
  lang: currentLang,
});

function command(obj) {
  const out = JSON.parse(readString(call('_qfq_command', JSON.stringify(obj))));
  dirty();
  return out;
}

// The text view replaces the canvas while shown (the map stops drawing); ?view=text in
// the address opens the page on it.
function setTextView(on) {
  if (!module || on === textView.shown) return;
  input.releaseAll();
  textView.show(on);
  document.getElementById('qfq-map-view').hidden = on;
  document.body.classList.toggle('text-view-on', on);
  const toggle = document.getElementById('qfq-view-toggle');
  toggle.setAttribute('aria-pressed', on ? 'true' : 'false');
  try {
    const u = new URL(location.href);
    if (on) u.searchParams.set('view', 'text'); else u.searchParams.delete('view');
    history.replaceState(history.state, '', u.href);
  } catch (e) {
    reportError('history', e);
  }
  if (!on) {
    dirty();
    document.getElementById(canvasId).focus({ preventScroll: true });
  }
}
const textView = createTextView({
  module: () => module,
  readString: (p) => readString(p),
  call: (...a) => call(...a),
  command,
  loadMap: (id) => loadMap(id),
  show: (on) => setTextView(on),
  onShown: () => {},
  download: (format) => downloadExport(format, 1),
  share: () => onEvent('share', currentLang() === 'en' ? 'Link copied' : 'Lien copié'),
});

// ---------------------------------------------------------------------------
// 6. Frame loop and window.qfq
// ---------------------------------------------------------------------------
let frameMs = 0;
let firstFrameAt = 0;
let framesDrawn = 0;
let idleSince = 0;        // performance.now() when the loop last found nothing to draw
let benchmarking = false;  // the frame loop pauses while benchFrames drives frames itself
const frameSamples = [];

function drawFrame(t) {
  const c = document.getElementById(canvasId);
  const dpr = window.devicePixelRatio || 1;
  // While the text view hides the canvas, the map goes on at the window's size (a layout
  // in progress finishes, the selection follows): it has nothing to draw most of the time.
  const w = c.clientWidth || window.innerWidth, h = c.clientHeight || window.innerHeight;
  // C++ says whether anything changed: input, a camera flight, a layout or transition in
  // progress, a notice to take down. Nothing changed: nothing is drawn.
  if (!wanted && !module._qfq_needs_frame(t, w, h, dpr)) {
    if (!idleSince) idleSince = performance.now();
    return false;
  }
  wanted = false;
  idleSince = 0;
  const t0 = performance.now();
  module._qfq_frame(t, w, h, dpr);
  ++framesDrawn;
  const dt = performance.now() - t0;
  frameSamples.push(dt);
  if (frameSamples.length > 60) frameSamples.shift();
  frameMs = frameSamples.reduce((a, b) => a + b, 0) / frameSamples.length;
  if (!firstFrameAt) firstFrameAt = performance.now();
  return true;
}

// The loop sleeps once nothing was drawn for a few frames: even an empty
// requestAnimationFrame loop costs the page ~45 ms of main thread a second (measured,
// headless Chromium). Input, loads, commands, resizes and the GPU's return wake it
// (dirty()); a timer wakes it for what C++ schedules (a notice to take down), and a
// heartbeat checks once a second whatever else might need a frame.
let sleeping = false;
let idleFrames = 0;
let wakeTimer = 0;
function wakeLoop() {
  sleeping = false;
  clearTimeout(wakeTimer);
  requestAnimationFrame(frame);
}
function sleep() {
  sleeping = true;
  const next = module._qfq_next_wake_ms(performance.now());
  wakeTimer = setTimeout(() => { if (sleeping) wakeLoop(); }, next >= 0 ? Math.min(next + 5, 1000) : 1000);
}

function frame(t) {
  let idle = false;
  try {
    // While the GPU is lost nothing can be drawn: the view waits, unchanged, for its return.
    if (module && gpu && !switching && !benchmarking && !gpu.lost) idle = !drawFrame(t);
  } catch (e) {
    idle = false;
    reportError('frame', e);
  } finally {
    // The page's work comes after the frame, each request on its own: one that fails
    // (a refused address update, a blocked download) stops neither the others nor the loop.
    try { drainEvents(); } catch (e) { reportError('events', e); }
    try { if (module && !textView.shown) input.afterFrame(); } catch (e) { reportError('input', e); }
    // Re-armed whatever happened; asleep only after frames that drew nothing, threw
    // nothing and left no request waiting.
    idleFrames = idle && !wanted && !lateEvents.length ? idleFrames + 1 : 0;
    if (idleFrames >= 3) sleep(); else requestAnimationFrame(frame);
  }
}

function status() {
  const s = module ? JSON.parse(readString(module._qfq_status_json())) : { ready: false, nodes: 0, edges: 0, errors: [] };
  return Object.assign(s, {
    ready: !!(s.ready && firstFrameAt),
    renderer: gpu ? gpu.name : null,
    gpuLost: !!(gpu && gpu.lost),
    frameMs,
    firstFrameMs: firstFrameAt,
    framesDrawn,
    // Nothing to draw since this many ms (0 while drawing).
    idleMs: idleSince ? performance.now() - idleSince : 0,
    sleeping,  // the frame loop waits for input (nothing to draw)
    drawReason: module && module._qfq_draw_reason ? readString(module._qfq_draw_reason()) : '',  // why the last frame was drawn
    keysDown: module ? module._qfq_keys_down() : 0,
    textView: textView.shown,
    textInputFocused: document.activeElement === input.field,
    errors: [...errors, ...(s.errors || [])],
  });
}

async function main() {
  window.qfq = {
    status,
    loadMap,
    loadDropped,
    exportBytes: (format, scale) => { const b = exportBytes(format, scale); return b ? Array.from(b) : null; },
    // Scripted control for tests and users' scripts: {cmd: "select", id: "erun"}…
    command,
    textView: (on) => setTextView(on !== false),
    simulateDeviceLoss: () => gpu && gpu.simulateLoss && gpu.simulateLoss(),
    // For tests: the active backend (its WebGPU `device` or WebGL2 `gl`), and the path a
    // map's link takes.
    get gpu() { return gpu; },
    openUrl: (url) => openExternal(url),
    // Benchmark: draws one frame per camera of `path` ([{x, y, zoom}…]), each waited for on
    // the GPU; returns the time of every frame in ms. (A list, not code: the page's CSP
    // allows no eval.)
    benchFrames: async (path) => {
      const c = document.getElementById(canvasId);
      benchmarking = true;
      const times = [];
      try {
        for (const camera of path) {
          window.qfq.command(Object.assign({ cmd: 'camera' }, camera));
          const t0 = performance.now();
          module._qfq_frame(t0, c.clientWidth, c.clientHeight, window.devicePixelRatio || 1);
          ++framesDrawn;
          await gpu.sync();
          times.push(performance.now() - t0);
        }
      } finally {
        benchmarking = false;
      }
      return times;
    },
    // Positions of every actor (benchmarks hand them to peers so they draw the same picture).
    // What the last frame drew, in CSS pixels: labels, nodes, edges, bands (visible items).
    scene: () => JSON.parse(readString(call('_qfq_command', JSON.stringify({ cmd: 'scene' })))),
    positions: () => JSON.parse(readString(call('_qfq_command', JSON.stringify({ cmd: 'positions' })))),
  };
  let shaders;
  try {
    shaders = shaderSources = await loadShaders();
  } catch (e) {
    fatal('Impossible de charger les fichiers de l’application.', `Cannot load the app files: ${e.message}`);
    return;
  }
  try {
    gpu = await createBackend(shaders, forcedRenderer !== 'webgl2');
  } catch (e) {
    errors.push(e.message);
    fatal('Votre navigateur ne peut pas afficher la carte : il ne prend en charge ni WebGPU ni WebGL2. '
        + 'Essayez une version récente de Chrome, Edge, Firefox ou Safari.',
          `Your browser supports neither WebGPU nor WebGL2 (${e.message}).`);
    return;
  }
  const [fontBytes, catalogueText] = await Promise.all([
    fetch('assets/DejaVuSans.ttf').then((r) => r.arrayBuffer()),
    fetchText('data/index.json').catch(() => null),
  ]);
  // Requests from C++ arrive through the event queue (drained after each frame); these
  // hooks only queue, should any code path still call them directly.
  module = await createQfqModule({
    qfqGpu: gpu,
    qfqOnEvent: (name, payload) => lateEvents.push([name, payload]),
    qfqOpenUrl: (url) => lateEvents.push(['open-url', url]),
  });
  const fp = module._malloc(fontBytes.byteLength);
  module.HEAPU8.set(new Uint8Array(fontBytes), fp);
  module._qfq_init(fp, fontBytes.byteLength, window.devicePixelRatio || 1);  // takes ownership
  if (catalogueText) {
    try { catalogue = JSON.parse(catalogueText); } catch (e) { errors.push('data/index.json: ' + e.message); }
    withString(catalogueText, (p) => module._qfq_set_catalogue(p));
  }
  input.attach();
  document.getElementById('qfq-view-toggle').addEventListener('click', () => setTextView(!textView.shown));
  window.addEventListener('resize', dirty);
  // The loop starts before the map arrives: the page answers (and shows "loading") meanwhile.
  requestAnimationFrame(frame);
  // A shared link's fragment names the map and the view; ?map= is the short form.
  const fragmentMap = new URLSearchParams(location.hash.slice(1)).get('map');
  const mapRef = fragmentMap || params.get('map') || catalogue.default || 'national';
  if (catalogue.maps.length || params.get('map') || fragmentMap) await loadMap(mapRef);
  attachEditor({ module: () => module, command, loadMap, notice, withString });
  await startEditor(params);
  if (params.get('present') === '1' || params.get('embed') === '1')
    command({ cmd: 'mode', present: params.get('present') === '1', embed: params.get('embed') === '1' });
  if (location.hash.length > 1) withString(location.hash.slice(1), (p) => module._qfq_apply_fragment(p));
  dirty();
  window.addEventListener('popstate', () => {
    withString(location.hash.slice(1) || 'map=' + mapRef, (p) => module._qfq_apply_fragment(p));
    dirty();
  });
  if (params.get('view') === 'text') setTextView(true);
}

// ---------------------------------------------------------------------------
// 7. Page events
// ---------------------------------------------------------------------------

// Asks C++ for an export of the map on screen and hands it to the browser as a download.
const exportTypes = { png: 'image/png', svg: 'image/svg+xml', graphml: 'application/xml', gexf: 'application/xml',
                      dot: 'text/vnd.graphviz', 'actors.csv': 'text/csv', 'relations.csv': 'text/csv', json: 'application/json' };
function exportBytes(format, scale = 1) {
  const ok = withString(format, (p) => module._qfq_export(p, scale)) === 1;
  if (!ok) return null;
  return module.HEAPU8.slice(module._qfq_export_data(), module._qfq_export_data() + module._qfq_export_size());
}
function downloadExport(format, scale) {
  const bytes = exportBytes(format, scale);
  if (!bytes) { notice('Export impossible', 'Export failed'); return; }
  const status = JSON.parse(readString(module._qfq_status_json()));
  const map = status.map || 'carte';
  const a = document.createElement('a');
  a.rel = 'noopener noreferrer';
  a.href = URL.createObjectURL(new Blob([bytes], { type: exportTypes[format] || 'application/octet-stream' }));
  a.download = format.endsWith('.csv') ? `${map}-${format}`
                                       : `${map}${format === 'png' && scale > 1 ? `@${scale}x` : ''}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// The shareable view in the address bar: written 300 ms after the last change (a wheel
// zoom changes it every frame; Safari refuses more than ~100 updates per 30 s), a new
// history entry when the user chose something (push), in place for camera moves.
let pendingState = null;
let stateTimer = 0;
function queueState(fragment, push) {
  pendingState = { fragment, push: push || !!(pendingState && pendingState.push) };
  clearTimeout(stateTimer);
  stateTimer = setTimeout(writeState, 300);
}
function writeState() {
  const s = pendingState;
  pendingState = null;
  if (!s) return;
  const url = `${location.pathname}${location.search}#${s.fragment}`;
  try {
    if (s.push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  } catch (e) {
    reportError('history', e);
  }
}

const lateEvents = [];
function drainEvents() {
  if (!module) return;
  const list = lateEvents.splice(0);
  if (module._qfq_events_pending() > 0) list.push(...JSON.parse(readString(module._qfq_take_events())));
  for (const [name, payload] of list) {
    try { onEvent(name, payload); } catch (e) { reportError(name, e); }
  }
}

// Requests from C++ (map switch, URL state, downloads, links…), after the frame.
function onEvent(name, payload) {
  if (editorEvent(name, payload)) return;  // the map editor's (web/editor.js)
  if (name === 'load-map') loadMap(payload).catch((e) => reportError('load-map', e));
  else if (name === 'export') {
    const [format, scale] = payload.split(' ');
    downloadExport(format, Number(scale) || 1);
  }
  else if (name === 'card') document.getElementById('qfq-card').textContent = payload;
  else if (name === 'selection') textView.markSelected(payload);
  else if (name === 'lang') document.documentElement.lang = payload;
  else if (name === 'text-view') setTextView(!textView.shown);
  else if (name === 'open-url') openExternal(payload);
  else if (name === 'clipboard') {
    if (navigator.clipboard) navigator.clipboard.writeText(payload).catch(() => {});
  } else if (name === 'fullscreen') {
    if (!document.fullscreenElement && document.documentElement.requestFullscreen)
      document.documentElement.requestFullscreen().catch(() => {});
  } else if (name === 'share') {
    clearTimeout(stateTimer);
    writeState();  // the link copied is the view on screen, not the one 300 ms ago
    // {text, centre, width, bottom}: the toast goes over the map's free part, never the card.
    let text = payload;
    try {
      const p = JSON.parse(payload);
      text = p.text;
      const el = document.getElementById('qfq-notice');
      el.style.left = `${p.centre}px`;
      el.style.maxWidth = `${Math.max(160, p.width - 32)}px`;
      el.style.bottom = `${p.bottom}px`;
    } catch { /* a plain text payload: the default place */ }
    const done = () => notice(text, location.href, 4000);
    if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(done, done); else done();
  } else if (name === 'open-full') {
    const full = new URL(location.href);
    full.searchParams.delete('embed');
    window.open(full.href, '_blank', 'noopener,noreferrer');
  }
  else if (name === 'state') {
    const { fragment, push } = JSON.parse(payload);
    queueState(fragment, push);
  }
  else if (name === 'open-file') {
    const picker = document.createElement('input');
    picker.type = 'file';
    picker.accept = '.json,.csv,application/json,text/csv';
    picker.multiple = true;
    picker.onchange = () => loadDropped(picker.files);
    picker.click();
  }
}

main().catch((e) => {
  errors.push(e.message);
  fatal('Erreur au démarrage de l’application.', `Start-up error: ${e.message}`);
});

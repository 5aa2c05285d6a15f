// app.js — starts the app: picks a GPU backend, loads the wasm engine, the font and the
// maps, forwards input, and runs the frame loop. All drawing decisions are in C++.
//
// Contents
//   1. URL options and notices
//   2. GPU backend selection (WebGPU, else WebGL2, else a message in words)
//   3. Wasm module and string helpers
//   4. Map loading (catalogue ids, relative URLs, `extends` chains, dropped files)
//   5. Input: pointer, touch, wheel, keyboard, text
//   6. Frame loop and window.qfq (status for tests and users' scripts)

import { createWebGpuBackend } from './gpu_webgpu.js';
import { createWebGl2Backend } from './gpu_webgl2.js';

// ---------------------------------------------------------------------------
// 1. URL options and notices
// ---------------------------------------------------------------------------
const params = new URLSearchParams(location.search);
const forcedRenderer = params.get('renderer');  // "webgpu" | "webgl2" | null
const canvasId = 'qfq-canvas';
const errors = [];
let noticeTimer = 0;

function notice(fr, en, ms = 8000) {
  const el = document.getElementById('qfq-notice');
  el.textContent = `${fr} — ${en}`;
  el.hidden = false;
  clearTimeout(noticeTimer);
  if (ms) noticeTimer = setTimeout(() => { el.hidden = true; }, ms);
}
function fatal(fr, en) {
  const el = document.getElementById('qfq-fatal');
  el.innerHTML = '';
  const p = document.createElement('p');
  p.textContent = fr;
  const q = document.createElement('p');
  q.lang = 'en';
  q.textContent = en;
  el.append(p, q);
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
  return createWebGl2Backend(document.getElementById(canvasId), shaders,
    { onLost: () => notice('Contexte WebGL2 perdu : rechargez la page', 'WebGL2 context lost: reload the page', 0) });
}

async function fallBack(fr, en) {
  if (switching || !gpu || gpu.name !== 'webgpu') return;
  switching = true;
  notice(`${fr} : bascule en WebGL2`, `${en}: switching to WebGL2`);
  try {
    freshCanvas();
    attachInput();
    gpu = createWebGl2Backend(document.getElementById(canvasId), await loadShaders(), { onLost: () => {} });
    module.qfqGpu = gpu;
    module._qfq_gpu_reset();  // re-uploads the font atlas to the new backend
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
function call(name, ...strings) {
  const ptrs = strings.map((s) => {
    const n = module.lengthBytesUTF8(s) + 1;
    const p = module._malloc(n);
    module.stringToUTF8(s, p, n);
    return p;
  });
  try { return module[name](...ptrs); } finally { ptrs.forEach((p) => module._free(p)); }
}

// ---------------------------------------------------------------------------
// 4. Map loading
// ---------------------------------------------------------------------------
let catalogue = { maps: [], default: 'national' };
const dataBase = new URL('data/', location.href);

function catalogueUrl(id) {
  const m = catalogue.maps.find((x) => x.id === id);
  return m ? new URL(m.path, dataBase).href : null;
}

// Fetches a map and the chain of maps it extends, then hands them all to C++, which
// resolves, validates and either swaps the map in or keeps the old one and lists errors.
async function loadMap(ref, text = null, name = null) {
  const docs = [];
  try {
    let url = text === null ? (catalogueUrl(ref) || new URL(ref, location.href).href) : null;
    let docName = name || url;
    let body = text === null ? await fetchText(url) : text;
    docs.push({ from: '', ref, name: docName, text: body });
    const seen = new Set([docName]);
    for (let depth = 0; depth < 16; ++depth) {
      const base = withString(body, (p) => readString(module._qfq_extends_of(p)));
      if (!base) break;
      const baseUrl = catalogueUrl(base) || new URL(base, url || dataBase).href;
      if (seen.has(baseUrl)) break;  // a cycle: C++ reports it with its location
      seen.add(baseUrl);
      let baseText;
      try { baseText = await fetchText(baseUrl); } catch (e) { break; }  // C++ reports the missing base
      docs.push({ from: docName, ref: base, name: baseUrl, text: baseText });
      url = baseUrl; docName = baseUrl; body = baseText;
    }
  } catch (e) {
    notice(`Carte introuvable : ${ref}`, `Map not found: ${ref} (${e.message})`);
    return false;
  }
  const t0 = performance.now();
  module._qfq_load_begin();
  for (const d of docs) call('_qfq_load_add', d.from, d.ref, d.name, d.text);
  const ok = module._qfq_load_finish() === 1;
  // For benchmarks: how long parsing, checking and indexing took in wasm.
  window.qfq.lastLoad = { ms: performance.now() - t0, bytes: docs.reduce((n, d) => n + d.text.length, 0), ok };
  if (!ok) notice('La carte contient des erreurs : la carte précédente reste affichée',
                  'The map has errors: the previous map stays on screen', 12000);
  return ok;
}

async function loadDroppedFile(file) {
  const text = await file.text();
  return loadMap(file.name, text, file.name);
}

// Two CSV files (actors + relations, exported from a spreadsheet) become a map that
// extends the one on screen. Which is which is read from the header: relations have "from".
async function loadDroppedCsvPair(files) {
  const texts = await Promise.all(files.map((f) => f.text()));
  const isRelations = (t) => /(^|[;,\t])"?from"?([;,\t]|$)/m.test(t.split(/\r?\n/)[0]);
  let [a, r] = [0, 1];
  if (isRelations(texts[0]) && !isRelations(texts[1])) [a, r] = [1, 0];
  const ok = call('_qfq_import_csv', files[a].name, texts[a], files[r].name, texts[r]) === 1;
  if (!ok) notice('Le tableur contient des erreurs : la carte précédente reste affichée',
                  'The spreadsheet has errors: the previous map stays on screen', 12000);
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
// 5. Input
// ---------------------------------------------------------------------------
function canvasPoint(e) {
  const r = e.target.getBoundingClientRect();
  return [e.clientX - r.left, e.clientY - r.top];
}
function attachInput() {
  const c = document.getElementById(canvasId);
  const pointer = (kind) => (e) => {
    if (kind === 0) { c.focus(); c.setPointerCapture(e.pointerId); }
    const [x, y] = canvasPoint(e);
    module._qfq_pointer(kind, e.pointerId, x, y, e.button, e.pointerType === 'touch' ? 1 : 0);
    e.preventDefault();
  };
  c.addEventListener('pointerdown', pointer(0));
  c.addEventListener('pointermove', pointer(1));
  c.addEventListener('pointerup', pointer(2));
  c.addEventListener('pointercancel', pointer(3));
  c.addEventListener('pointerleave', (e) => { if (e.pointerType === 'mouse') module._qfq_pointer(4, e.pointerId, 0, 0, 0, 0); });
  c.addEventListener('contextmenu', (e) => e.preventDefault());
  c.addEventListener('wheel', (e) => {
    const k = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    const [x, y] = canvasPoint(e);
    module._qfq_wheel(x, y, e.deltaX * k, e.deltaY * k, e.ctrlKey ? 1 : 0);
    e.preventDefault();
  }, { passive: false });
  c.addEventListener('dragover', (e) => e.preventDefault());
  c.addEventListener('drop', (e) => {
    e.preventDefault();
    loadDropped(e.dataTransfer.files);
  });
}
function mods(e) { return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0); }
function attachKeyboard() {
  window.addEventListener('keydown', (e) => {
    if (!module) return;
    module._qfq_key_state(1, mods(e));
    const used = call('_qfq_key', e.key, e.code) === 1;
    const printable = [...e.key].length === 1 && !e.ctrlKey && !e.metaKey;
    if (printable) withString(e.key, (p) => module._qfq_text(p));
    // Keep the browser from scrolling or leaving the page on keys the app uses.
    if (printable || ['Tab', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter', 'Escape',
        'Backspace', 'PageUp', 'PageDown', ' ', 'Home', 'End'].includes(e.key) || used) e.preventDefault();
  });
  window.addEventListener('keyup', (e) => {
    if (!module) return;
    module._qfq_key_state(0, mods(e));
    call('_qfq_key_up', e.key, e.code);
  });
  window.addEventListener('paste', (e) => {
    const t = e.clipboardData.getData('text');
    if (t && module) withString(t, (p) => module._qfq_text(p));
  });
}

// ---------------------------------------------------------------------------
// 6. Frame loop and window.qfq
// ---------------------------------------------------------------------------
let frameMs = 0;
let firstFrameAt = 0;
let benchmarking = false;  // the frame loop pauses while benchFrames drives frames itself
const frameSamples = [];

function frame(t) {
  if (!switching && !benchmarking) {
    const c = document.getElementById(canvasId);
    const dpr = window.devicePixelRatio || 1;
    const t0 = performance.now();
    module._qfq_frame(t, c.clientWidth, c.clientHeight, dpr);
    const dt = performance.now() - t0;
    frameSamples.push(dt);
    if (frameSamples.length > 60) frameSamples.shift();
    frameMs = frameSamples.reduce((a, b) => a + b, 0) / frameSamples.length;
    if (!firstFrameAt) firstFrameAt = performance.now();
  }
  requestAnimationFrame(frame);
}

function status() {
  const s = module ? JSON.parse(readString(module._qfq_status_json())) : { ready: false, nodes: 0, edges: 0, errors: [] };
  return Object.assign(s, {
    ready: !!(s.ready && firstFrameAt),
    renderer: gpu ? gpu.name : null,
    frameMs,
    firstFrameMs: firstFrameAt,
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
    command: (obj) => JSON.parse(readString(call('_qfq_command', JSON.stringify(obj)))),
    simulateDeviceLoss: () => gpu && gpu.simulateLoss && gpu.simulateLoss(),
    // Benchmark: draws `count` frames along a pan-and-zoom path, each waited for on the GPU.
    // path(i) gives {x, y, zoom}; returns the time of every frame in ms.
    benchFrames: async (count, pathSource) => {
      const path = new Function('i', 'count', pathSource);
      const c = document.getElementById(canvasId);
      benchmarking = true;
      const times = [];
      try {
        for (let i = 0; i < count; ++i) {
          window.qfq.command(Object.assign({ cmd: 'camera' }, path(i, count)));
          const t0 = performance.now();
          module._qfq_frame(t0, c.clientWidth, c.clientHeight, window.devicePixelRatio || 1);
          await gpu.sync();
          times.push(performance.now() - t0);
        }
      } finally {
        benchmarking = false;
      }
      return times;
    },
    // Positions of every actor (benchmarks hand them to peers so they draw the same picture).
    positions: () => JSON.parse(readString(call('_qfq_command', JSON.stringify({ cmd: 'positions' })))),
  };
  let shaders;
  try {
    shaders = await loadShaders();
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
  module = await createQfqModule({ qfqGpu: gpu, qfqOnEvent: onEvent });
  const fp = module._malloc(fontBytes.byteLength);
  module.HEAPU8.set(new Uint8Array(fontBytes), fp);
  module._qfq_init(fp, fontBytes.byteLength, window.devicePixelRatio || 1);  // takes ownership
  if (catalogueText) {
    try { catalogue = JSON.parse(catalogueText); } catch (e) { errors.push('data/index.json: ' + e.message); }
    withString(catalogueText, (p) => module._qfq_set_catalogue(p));
  }
  attachInput();
  attachKeyboard();
  // A shared link's fragment names the map and the view; ?map= is the short form.
  const fragmentMap = new URLSearchParams(location.hash.slice(1)).get('map');
  const mapRef = fragmentMap || params.get('map') || catalogue.default || 'national';
  if (catalogue.maps.length || params.get('map') || fragmentMap) await loadMap(mapRef);
  if (params.get('present') === '1' || params.get('embed') === '1')
    window.qfq.command({ cmd: 'mode', present: params.get('present') === '1', embed: params.get('embed') === '1' });
  if (location.hash.length > 1) withString(location.hash.slice(1), (p) => module._qfq_apply_fragment(p));
  window.addEventListener('popstate', () => withString(location.hash.slice(1) || 'map=' + mapRef,
                                                        (p) => module._qfq_apply_fragment(p)));
  requestAnimationFrame(frame);
}

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
  a.href = URL.createObjectURL(new Blob([bytes], { type: exportTypes[format] || 'application/octet-stream' }));
  a.download = format.endsWith('.csv') ? `${map}-${format}`
                                       : `${map}${format === 'png' && scale > 1 ? `@${scale}x` : ''}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// Events raised by C++ (map switch requests, URL state, file open).
function onEvent(name, payload) {
  if (name === 'load-map') loadMap(payload);
  else if (name === 'export') {
    const [format, scale] = payload.split(' ');
    downloadExport(format, Number(scale) || 1);
  }
  else if (name === 'card') document.getElementById('qfq-card').textContent = payload;
  else if (name === 'fullscreen') {
    if (!document.fullscreenElement && document.documentElement.requestFullscreen)
      document.documentElement.requestFullscreen().catch(() => {});
  } else if (name === 'share') {
    const done = () => notice(payload, location.href, 4000);
    if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(done, done); else done();
  } else if (name === 'open-full') {
    const full = new URL(location.href);
    full.searchParams.delete('embed');
    window.open(full.href, '_blank', 'noopener');
  }
  else if (name === 'state') {
    const { fragment, push } = JSON.parse(payload);
    const url = `${location.pathname}${location.search}#${fragment}`;
    if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
  }
  else if (name === 'open-file') {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,.csv,application/json,text/csv';
    input.multiple = true;
    input.onchange = () => loadDropped(input.files);
    input.click();
  }
}

main().catch((e) => {
  errors.push(e.message);
  fatal('Erreur au démarrage de l’application.', `Start-up error: ${e.message}`);
});

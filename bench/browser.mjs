// browser.mjs — the renderer and start-up benchmarks, in one headless Chromium run:
//   start-up: navigation → first frame of the national map, both renderers (median of 3);
//   wasm size raw and gzip (from build/web/build-info.json);
//   loader throughput in wasm on a synthetic map (MB/s: the file's bytes on disk / load time);
//   frame time while panning and zooming that map: ours (WebGPU and WebGL2) vs sigma.js
//   (WebGL, render() only, sizes matched) drawing the same actors at the same positions, each
//   frame waited for on the GPU (SwiftShader here: a CPU rasteriser, so absolute numbers are
//   slow). The map is QFQ_BENCH_BROWSER_MAP (default the national-scale one; scripts/bench.sh
//   passes a smaller one to finish in minutes on 2 shared cores: the results say which).
// Merges its results into build/bench/results.json under "browser" and prints a table.
import { readFileSync, writeFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { launch } from '../tests/browser/chromium.mjs';
import { serve } from '../scripts/serve.mjs';

const root = new URL('../', import.meta.url).pathname;
const synthetic = '/' + (process.env.QFQ_BENCH_BROWSER_MAP || 'build/synthetic/national-scale.json').replace(/^\/+/, '');
// SwiftShader rasterises on the CPU: a frame of the whole national-scale map takes seconds,
// so a few frames per contender are enough for a median.
const frames = Number(process.env.QFQ_BENCH_FRAMES || 8);
const stats = (t) => {
  const s = [...t].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length,
           frames: s.length };
};
const { server, url } = await serve(root);
// A smaller canvas than the tests' keeps SwiftShader's per-frame cost bearable; every
// contender draws at this same size.
const context = await launch([], { viewport: { width: 960, height: 600 } });
const log = (m) => console.log(`[browser bench] ${m}`);
const results = { when: new Date().toISOString(), chromium: 'headless, SwiftShader (CPU) for both WebGPU and WebGL2' };

// --- start-up ------------------------------------------------------------------
results.wasm = JSON.parse(readFileSync(`${root}build/web/build-info.json`, 'utf8'));
results.startup = {};
for (const renderer of ['webgpu', 'webgl2']) {
  const runs = [];
  for (let i = 0; i < 3; ++i) {
    const page = await context.newPage();
    await page.goto(`${url}build/web/?renderer=${renderer}`);
    await page.waitForFunction(() => window.qfq && window.qfq.status().ready, null, { timeout: 60000 });
    runs.push(await page.evaluate(() => window.qfq.status().firstFrameMs));
    await page.close();
  }
  runs.sort((a, b) => a - b);
  results.startup[renderer] = { firstFrameMs: runs[1], min: runs[0], max: runs[2], runs };
  log(`start-up ${renderer}: ${runs.map((r) => r.toFixed(0)).join(', ')} ms`);
}

// --- national-scale map: load, then frames ------------------------------------------
// Both paths pan across the map while zooming in and out around the "fit all" view.
// Ours is a list of cameras (the app's CSP allows no eval); sigma's page takes code.
const oursPath = (cam, width, count) => Array.from({ length: count }, (_, i) => {
  const t = i / count;
  return { x: cam.x + (t - 0.5) * width * 0.4 / cam.zoom, y: cam.y, zoom: cam.zoom * (1 + 0.6 * Math.sin(i / 8)) };
});
const sigmaPath = `const t = i / count;
  return { x: 0.5 + (t - 0.5) * 0.4, y: 0.5, ratio: 1 / (1 + 0.6 * Math.sin(i / 8)), angle: 0 };`;
results.nationalScale = {};
let positions = null;
for (const renderer of ['webgl2', 'webgpu']) {
  const page = await context.newPage();
  await page.goto(`${url}build/web/?renderer=${renderer}&map=${synthetic}`);
  const progress = setInterval(() => page.evaluate(() => window.qfq && window.qfq.status())
    .then((st) => st && log(`${renderer}: ${st.actors} actors, layout ${(st.layoutProgress * 100).toFixed(0)} %`)).catch(() => {}), 15000);
  await page.waitForFunction(() => window.qfq && window.qfq.status().ready && window.qfq.status().actors > 50000, null,
    { timeout: 600000, polling: 1000 }).finally(() => clearInterval(progress));
  const s = await page.evaluate(() => window.qfq.status());
  const load = await page.evaluate(() => window.qfq.lastLoad);
  log(`${renderer}: national-scale map loaded and laid out (${s.actors} actors)`);
  if (!positions) positions = await page.evaluate(() => window.qfq.positions());
  await page.evaluate(() => window.qfq.command({ cmd: 'fit' }));
  const cam = (await page.evaluate(() => window.qfq.status())).camera;
  results.fitZoom = cam.zoom;
  const times = await page.evaluate((path) => window.qfq.benchFrames(path), oursPath(cam, s.width, frames));
  log(`${renderer}: ${times.length} frames, median ${stats(times).median.toFixed(1)} ms`);
  results.nationalScale[renderer] = { actors: s.actors, relations: s.relations, ...stats(times) };
  // Bytes of the file (UTF-8 on disk), not the length of the JS string (UTF-16 units).
  const bytes = statSync(root + synthetic.slice(1)).size;
  if (renderer === 'webgl2') results.loaderWasm = { map: synthetic, bytes, ms: load.ms, mbPerS: bytes / 1e6 / (load.ms / 1000) };
  await page.close();
}
{
  const page = await context.newPage();
  await page.goto(`${url}bench/browser/sigma.html`);
  await page.waitForFunction(() => window.sigmaReady);
  const loaded = await page.evaluate(([d, z]) => window.sigmaBench.load(d, z), [positions, results.fitZoom]);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const times = await page.evaluate(([n, src]) => window.sigmaBench.frames(n, src), [frames, sigmaPath]);
  results.nationalScale.sigma = { actors: loaded.nodes, relations: loaded.edges, ...stats(times) };
  await page.close();
}
await context.close();
server.close();

// --- report --------------------------------------------------------------------
const ns = results.nationalScale;
results.ratios = {
  webgl2VsSigma: ns.webgl2.median / ns.sigma.median,
  webgpuVsSigma: ns.webgpu.median / ns.sigma.median,
};
mkdirSync(`${root}build/bench`, { recursive: true });
const file = `${root}build/bench/results.json`;
const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
all.browser = results;
writeFileSync(file, JSON.stringify(all, null, 2));
const f = (v) => v.toFixed(1);
console.log('\nBrowser benchmarks (headless Chromium, SwiftShader)');
console.log(`  wasm: ${results.wasm.wasmBytes} B raw, ${results.wasm.wasmGzipBytes} B gzip (${results.wasm.opt})`);
console.log(`  first frame, national map: WebGPU ${f(results.startup.webgpu.firstFrameMs)} ms, WebGL2 ${f(results.startup.webgl2.firstFrameMs)} ms`);
console.log(`  loader in wasm: ${f(results.loaderWasm.mbPerS)} MB/s (${(results.loaderWasm.bytes / 1e6).toFixed(1)} MB in ${f(results.loaderWasm.ms)} ms)`);
console.log(`  frame while panning/zooming ${ns.webgl2.actors} actors, ${ns.webgl2.relations} relations (median / p95 ms):`);
for (const k of ['webgpu', 'webgl2', 'sigma']) console.log(`    ${k.padEnd(7)} ${f(ns[k].median).padStart(8)} ${f(ns[k].p95).padStart(8)}`);
console.log(`  ours / sigma (median): WebGL2 ${results.ratios.webgl2VsSigma.toFixed(2)}×, WebGPU ${results.ratios.webgpuVsSigma.toFixed(2)}× (lower is better)`);

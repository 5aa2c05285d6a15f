// harness.mjs — a small test harness for the browser tests: one Chromium, one static
// server, pages that wait for the app, console-error capture, screenshots kept as
// artefacts in test-artifacts/, and pixel helpers over decoded PNGs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { launch } from './chromium.mjs';
import { serve } from '../../scripts/serve.mjs';

export const artifactsDir = new URL('../../test-artifacts/', import.meta.url).pathname;
mkdirSync(artifactsDir, { recursive: true });

const tests = [];
export function test(name, fn, options = {}) { tests.push({ name, fn, options }); }

export class AssertionError extends Error {}
export function assert(cond, message) { if (!cond) throw new AssertionError(message); }
export function assertEqual(actual, expected, message) {
  if (actual !== expected) throw new AssertionError(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

// Opens the app and waits until it has drawn its first frame with a map.
export async function openApp(env, { renderer, query = '', hash = '', waitReady = true, viewport, initScript } = {}) {
  const page = await env.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  if (initScript) await page.addInitScript(initScript);
  const params = new URLSearchParams(query);
  if (renderer) params.set('renderer', renderer);
  const qs = params.toString();
  const started = Date.now();
  await page.goto(`${env.url}${qs ? '?' + qs : ''}${hash}`);
  if (waitReady) await waitReady_(page);
  page.qfqConsoleErrors = consoleErrors;
  page.qfqLoadMs = Date.now() - started;
  return page;
}
async function waitReady_(page, timeout = 20000) {
  await page.waitForFunction(() => window.qfq && window.qfq.status().ready, null, { timeout });
}
export const waitReady = waitReady_;
export const status = (page) => page.evaluate(() => window.qfq.status());
export const command = (page, obj) => page.evaluate((o) => window.qfq.command(o), obj);

// Waits until a camera flight has ended (status().camera.animating), a few frames after
// whatever started it: an event to wait on, not a guess at how long a flight takes.
export async function cameraStill(page, timeout = 10000) {
  await frames(page, 2);
  await page.waitForFunction(() => !window.qfq.status().camera.animating, null, { timeout });
}

// Lets a few frames run (animations, layout slices).
export async function frames(page, n = 3) {
  for (let i = 0; i < n; ++i) await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
}

// Widgets by the name the explorer tracks them under (status().widgets): the rectangle, a
// click at its centre, typing into a text field, as a person would.
export async function widget(page, name, timeout = 5000) {
  await frames(page, 3);  // a window that just appeared settles its layout first
  const handle = await page.waitForFunction((n) => window.qfq.status().widgets[n], name, { timeout });
  return handle.jsonValue();
}
export async function click(page, name) {
  const [x0, y0, x1, y1] = await widget(page, name);
  await page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
  await frames(page, 2);
}
export async function typeInto(page, name, text) {
  await click(page, name);
  await page.keyboard.type(text, { delay: 15 });
  await frames(page, 2);
}

// Screenshot saved as an artefact and decoded for pixel checks.
export async function shot(page, name) {
  const buffer = await page.screenshot();
  writeFileSync(`${artifactsDir}${name}.png`, buffer);
  const png = PNG.sync.read(buffer);
  png.pixel = (x, y) => {
    const i = (Math.round(y) * png.width + Math.round(x)) * 4;
    return [png.data[i], png.data[i + 1], png.data[i + 2]];
  };
  return png;
}
export function rgbOf(hex) { return [(hex >> 16) & 255, (hex >> 8) & 255, hex & 255]; }
export function colourDistance(a, b) { return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2])); }
// Pixels in a CSS-pixel rectangle darker than `threshold` (luma), at the screenshot's scale.
export function darkPixels(png, x0, y0, x1, y1, scale = 1, threshold = 110) {
  let n = 0;
  for (let y = Math.floor(y0 * scale); y < Math.ceil(y1 * scale); ++y)
    for (let x = Math.floor(x0 * scale); x < Math.ceil(x1 * scale); ++x) {
      const [r, g, b] = png.pixel(x, y);
      if (0.299 * r + 0.587 * g + 0.114 * b < threshold) ++n;
    }
  return n;
}

export async function runAll() {
  const { server, url } = await serve(new URL('../../build/web/', import.meta.url).pathname);
  const context = await launch();
  const only = process.env.QFQ_TEST_FILTER;
  let passed = 0, failed = 0;
  const started = Date.now();
  try {
    for (const t of tests) {
      if (only && !t.name.includes(only)) continue;
      const env = { url, context, launch };
      const t0 = Date.now();
      try {
        await t.fn(env);
        passed++;
        console.log(`  ok    ${t.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed++;
        console.log(`  FAIL  ${t.name}\n        ${e.stack || e.message}`);
      } finally {
        for (const p of context.pages()) await p.close().catch(() => {});
      }
    }
  } finally {  // the browser goes, whatever happened
    await context.close().catch(() => {});
    server.close();
  }
  console.log(`\nbrowser tests: ${passed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s); screenshots in test-artifacts/`);
  return failed === 0;
}

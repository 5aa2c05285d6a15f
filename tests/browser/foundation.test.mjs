// foundation.test.mjs — the app starts and really draws, with each renderer: UI text and
// graph nodes checked in the pixels; pan and zoom by wheel, drag and keyboard; high-DPI
// canvases; fall-backs when WebGPU fails or is lost; a message in words without any GPU API.
import {
  test, assert, assertEqual, openApp, status, command, frames, shot, rgbOf, colourDistance, darkPixels, cameraStill,
} from './harness.mjs';

// Actors drawn with their kind colour at the disc centre (sure facts have a filled disc).
async function checkNodesDrawn(page, png, scale = 1) {
  const s = await status(page);
  let checked = 0;
  for (const id of ['dne', 'drane', 'ia-dasen', 'erun', 'region']) {
    const p = await command(page, { cmd: 'project', id });
    if (!p.ok) continue;
    if (p.x < 20 || p.y < 60 || p.x > s.width - 20 || p.y > s.height - 20) continue;  // off-screen
    if (p.x < 240 && p.y > s.height - 90) continue;  // under the legend (bottom left)
    const px = png.pixel(p.x * scale, p.y * scale);
    const d = colourDistance(px, rgbOf(p.colour));
    assert(d <= 40, `${id}: pixel ${px} at (${p.x.toFixed(0)}, ${p.y.toFixed(0)}) is not its kind colour ${rgbOf(p.colour)} (distance ${d})`);
    checked++;
  }
  assert(checked >= 3, `at least 3 actors checked in the pixels, got ${checked}`);
}

// The title "Qui fait quoi ?" in the top bar is drawn text: dark pixels where the text is,
// none in the empty part of the same bar, right of its last button.
async function checkUiTextDrawn(page, png, scale = 1) {
  const s = await status(page);
  // The bar wraps on narrow screens: take the row with the most room right of its last
  // widget (only widgets of the bar itself, above y = 100).
  const rows = new Map();
  for (const r of Object.values(s.widgets).filter((w) => w[3] < 100)) {
    const key = Math.round(r[1] / 10);
    rows.set(key, Object.assign(rows.get(key) || { y0: r[1], y1: r[3], right: 0 }, {}));
    rows.get(key).right = Math.max(rows.get(key).right, r[2]);
  }
  const row = [...rows.values()].sort((a, b) => a.right - b.right)[0];
  assert(row && s.width - 8 - (row.right + 12) > 30, `there is an empty part of the bar to compare with`);
  const text = darkPixels(png, 6, 6, 100, 30, scale);
  const empty = darkPixels(png, row.right + 12, row.y0, s.width - 8, row.y1, scale);
  assert(text > 40 * scale * scale, `title text should be drawn (dark pixels: ${text})`);
  assert(empty < 5, `empty part of the bar should have no text (dark pixels: ${empty})`);
}

for (const renderer of ['webgpu', 'webgl2']) {
  test(`${renderer}: loads the national map and draws UI text and nodes`, async (env) => {
    const page = await openApp(env, { renderer });
    await frames(page, 5);
    const s = await status(page);
    assertEqual(s.renderer, renderer, 'renderer');
    assertEqual(s.map, 'national', 'map');
    assert(s.nodes >= 60 && s.edges >= 100, `nodes/edges drawn: ${s.nodes}/${s.edges}`);
    assertEqual(s.errors.length, 0, `errors ${JSON.stringify(s.errors)}`);
    assertEqual(page.qfqConsoleErrors.length, 0, `console errors ${JSON.stringify(page.qfqConsoleErrors)}`);
    const png = await shot(page, `foundation-${renderer}`);
    await checkUiTextDrawn(page, png);
    await checkNodesDrawn(page, png);
  });

  test(`${renderer}: pans and zooms with wheel, drag and keyboard`, async (env) => {
    const page = await openApp(env, { renderer });
    const before = (await status(page)).camera;
    await page.mouse.move(640, 620);
    await page.mouse.wheel(0, -400);
    await frames(page, 3);
    const zoomed = (await status(page)).camera;
    assert(zoomed.zoom > before.zoom * 1.3, `wheel up zooms in: ${before.zoom} → ${zoomed.zoom}`);
    // Drag on an empty part of the map pans.
    await command(page, { cmd: 'camera', x: before.x, y: before.y, zoom: before.zoom });
    await frames(page, 2);
    await page.mouse.move(1200, 770);
    await page.mouse.down();
    await page.mouse.move(1100, 720, { steps: 5 });
    await page.mouse.up();
    await frames(page, 2);
    const panned = (await status(page)).camera;
    assert(Math.abs((panned.x - before.x) * before.zoom - 100) < 3, `drag 100 px left pans by 100 px: ${(panned.x - before.x) * before.zoom}`);
    assertEqual((await status(page)).selected, '', 'a drag is not a click');
    // Keyboard: "+" zooms in, "0" fits everything again.
    await page.keyboard.press('+');
    await frames(page, 2);
    assert((await status(page)).camera.zoom > panned.zoom * 1.1, '"+" zooms in');
    await page.keyboard.press('0');
    await cameraStill(page);
    const fitted = (await status(page)).camera;
    assert(Math.abs(fitted.zoom - before.zoom) / before.zoom < 0.02, `"0" fits again: ${fitted.zoom} vs ${before.zoom}`);
  });

  test(`${renderer}: high-DPI canvas is sized in device pixels and still draws`, async (env) => {
    const context = await env.launch([], { deviceScaleFactor: 2 });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${env.url}?renderer=${renderer}`);
      await page.waitForFunction(() => window.qfq && window.qfq.status().ready, null, { timeout: 20000 });
      await frames(page, 5);
      const size = await page.evaluate(() => {
        const c = document.getElementById('qfq-canvas');
        return { w: c.width, h: c.height, cw: c.clientWidth, dpr: window.devicePixelRatio };
      });
      assertEqual(size.dpr, 2, 'devicePixelRatio');
      assertEqual(size.w, size.cw * 2, 'canvas width in device pixels');
      const png = await shot(page, `foundation-${renderer}-dpr2`);
      await checkUiTextDrawn(page, png, 2);
      await checkNodesDrawn(page, png, 2);
      assertEqual(errors.length, 0, `page errors ${errors}`);
    } finally {
      await context.close();  // also when an assertion failed: no Chromium left behind
    }
  });
}

test('webgpu adapter failure falls back to WebGL2 with a notice', async (env) => {
  const page = await openApp(env, {
    initScript: () => { if (navigator.gpu) navigator.gpu.requestAdapter = async () => null; },
  });
  const s = await status(page);
  assertEqual(s.renderer, 'webgl2', 'renderer after a failed adapter request');
  const notice = await page.locator('#qfq-notice').textContent();
  assert(/WebGL2/.test(notice) && /indisponible/.test(notice), `notice in French: ${notice}`);
  assert(s.nodes > 0, 'the map is drawn');
});

test('webgpu shader compile error falls back to WebGL2', async (env) => {
  const page = await openApp(env, {
    initScript: () => {
      const original = window.fetch;
      window.fetch = (url, ...rest) => String(url).endsWith('graph.wgsl')
        ? Promise.resolve(new Response('this is not WGSL')) : original(url, ...rest);
    },
  });
  assertEqual((await status(page)).renderer, 'webgl2', 'renderer after a WGSL compile error');
});

test('webgpu device lost at run time switches to WebGL2 and keeps drawing', async (env) => {
  const page = await openApp(env, { renderer: 'webgpu' });
  await command(page, { cmd: 'select', id: 'drane', fly: false });
  await page.evaluate(() => window.qfq.simulateDeviceLoss());
  await page.waitForFunction(() => window.qfq.status().renderer === 'webgl2', null, { timeout: 10000 });
  await frames(page, 5);
  const s = await status(page);
  assertEqual(s.selected, 'drane', 'state survives the switch');
  await command(page, { cmd: 'select', id: null });
  await frames(page, 3);
  const png = await shot(page, 'foundation-device-lost');
  await checkUiTextDrawn(page, png);
  await checkNodesDrawn(page, png);
});

test('no WebGPU and no WebGL2: the page says so in French', async (env) => {
  const page = await openApp(env, {
    waitReady: false,
    initScript: () => {
      Object.defineProperty(navigator, 'gpu', { value: undefined });
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
        return kind === 'webgl2' || kind === 'webgpu' ? null : getContext.call(this, kind, ...rest);
      };
    },
  });
  await page.waitForSelector('#qfq-fatal:not([hidden])', { timeout: 10000 });
  const text = await page.locator('#qfq-fatal').textContent();
  assert(/ni WebGPU ni WebGL2/.test(text), `message in French: ${text}`);
  await shot(page, 'foundation-no-gpu');
});

// carto.test.mjs — the map reads at first sight: from window.qfq.scene() (what the last
// frame drew), on every shipped map at 1280×800 and 1920×1080 and on every step of every
// shipped tour: every visible actor labelled, no label over a label or a disc, no edge
// through a label other than its endpoints'; band captions clear of the toolbar and of
// each other; label boxes hold dark text pixels (so scene() cannot drift from the
// drawing); facilitator mode prints focused labels at least 24 px high at 1920×1080.
// One page per renderer is reused (maps loaded in place, viewport resized).
import { readFileSync } from 'node:fs';
import { test, assert, assertEqual, openApp, status, command, frames, shot, darkPixels } from './harness.mjs';
import { denseTerritory } from './dense_map.mjs';

const maps = ['national', 'val-d-oise', 'occitanie', 'ariege', 'wallonie'];
const sizes = [[1280, 800], [1920, 1080]];
const catalogue = JSON.parse(readFileSync(new URL('../../data/index.json', import.meta.url), 'utf8'));
const mapFile = (id) => JSON.parse(readFileSync(new URL(`../../data/${catalogue.maps.find((m) => m.id === id).path}`, import.meta.url), 'utf8'));

// The same measures as ../shared/tools/scene-check.mjs (the independent checker).
export function legibility(sc) {
  const inView = (x, y) => x >= 0 && y >= 0 && x <= sc.width && y <= sc.height;
  const nodes = sc.nodes.filter((n) => inView(n.x, n.y));
  const labels = sc.labels, edges = sc.edges;
  const labelled = new Set(labels.map((l) => l.id));
  const ov = (a, b) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 1;
  const problems = [];
  let ll = 0, ln = 0, el = 0;
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++)
      if (ov(labels[i], labels[j])) { ll++; problems.push(`labels ${labels[i].id} / ${labels[j].id} overlap`); }
  for (const l of labels) for (const n of nodes) if (n.id !== l.id) {
    const cx = Math.max(l.x0, Math.min(n.x, l.x1)), cy = Math.max(l.y0, Math.min(n.y, l.y1));
    if ((cx - n.x) ** 2 + (cy - n.y) ** 2 < (n.r - 1) ** 2) { ln++; problems.push(`label ${l.id} over disc ${n.id}`); }
  }
  const segHitsRect = (p, q, r) => {
    const x0 = r.x0 + 1, y0 = r.y0 + 1, x1 = r.x1 - 1, y1 = r.y1 - 1;
    if (x1 <= x0 || y1 <= y0) return false;
    let t0 = 0, t1 = 1; const dx = q[0] - p[0], dy = q[1] - p[1];
    for (const [pp, qq] of [[-dx, p[0] - x0], [dx, x1 - p[0]], [-dy, p[1] - y0], [dy, y1 - p[1]]]) {
      if (pp === 0) { if (qq < 0) return false; } else {
        const t = qq / pp;
        if (pp < 0) { if (t > t1) return false; if (t > t0) t0 = t; } else { if (t < t0) return false; if (t < t1) t1 = t; }
      }
    }
    return t0 < t1;
  };
  for (const e of edges) {
    const p = e.points;
    for (const l of labels) if (l.id !== e.from && l.id !== e.to) {
      let hit = false;
      for (let i = 0; i + 1 < p.length && !hit; i++) hit = segHitsRect(p[i], p[i + 1], l);
      if (hit) { el++; problems.push(`edge ${e.from}→${e.to} through label ${l.id}`); }
    }
  }
  const unlabelled = nodes.filter((n) => !labelled.has(n.id)).map((n) => n.id);
  return { visible: nodes.length, labelled: nodes.length - unlabelled.length, unlabelled, ll, ln, el, problems };
}

// Waits until two scenes, a few frames apart, are the same (layout, transitions and flights
// over). Frames are counted, not timed: a slow software renderer draws a few per second.
async function settled(page, width) {
  await page.waitForFunction((w) => { const st = window.qfq.status(); return st.ready && st.width === w && !st.animating; },
                             width, { timeout: 30000, polling: 100 });
  let last = '';
  for (let i = 0; i < 60; i++) {
    await frames(page, 3);
    const st = await status(page);
    const sc = await page.evaluate(() => JSON.stringify(window.qfq.scene()));
    if (!st.animating && st.tourFrame !== 'checking' && st.width === width && sc === last) return JSON.parse(sc);
    last = sc;
  }
  throw new Error('the scene never settled');
}

function checkScene(sc, where, share = 1) {
  const m = legibility(sc);
  assert(m.visible > 0, `${where}: actors are drawn`);
  if (share >= 1) assertEqual(m.labelled, m.visible, `${where}: every visible actor labelled (missing ${m.unlabelled.join(', ')})`);
  else assert(m.labelled >= share * m.visible, `${where}: ${m.labelled}/${m.visible} labelled (missing ${m.unlabelled.join(', ')})`);
  assert(m.ll === 0 && m.ln === 0 && m.el === 0, `${where}: ${m.problems.slice(0, 5).join('; ')}`);
  return m;
}

function toolbarBottom(s) {
  let y = 0;
  for (const name of ['search', 'lang', 'fit', 'help', 'glossary']) if (s.widgets[name]) y = Math.max(y, s.widgets[name][3]);
  return y;
}

for (const renderer of ['webgpu', 'webgl2']) {
  test(`${renderer}: every shipped map reads at 1280×800 and 1920×1080 (scene and pixels)`, async (env) => {
    const page = await openApp(env, { renderer, viewport: { width: 1280, height: 800 } });
    let checked = 0, pixelBoxes = 0;
    for (const id of maps) {
      assertEqual(await page.evaluate((m) => window.qfq.loadMap(m), id), true, `${id} loads`);
      for (const [w, h] of sizes) {
        await page.setViewportSize({ width: w, height: h });
        const sc = await settled(page, w);
        const where = `${renderer} ${id} ${w}×${h}`;
        const m = checkScene(sc, where);
        checked += m.visible;
        const s = await status(page);
        const bar = toolbarBottom(s);
        const captions = sc.bands.filter((b) => b.caption);
        assert(captions.length >= 1, `${where}: band captions drawn`);
        for (const b of captions) assert(b.caption[1] >= bar, `${where}: caption ${b.id} clear of the toolbar`);
        for (let i = 0; i + 1 < captions.length; i++)
          assert(captions[i].caption[3] <= captions[i + 1].caption[1], `${where}: captions ${captions[i].id} / ${captions[i + 1].id} apart`);
        // Pixels: every label box not covered by a panel holds dark text pixels.
        if (w === 1280) {
          const png = await shot(page, `carto-${renderer}-${id}`);
          const panels = Object.entries(s.widgets).filter(([k]) => k === 'legend' || k === 'card').map(([, r]) => r);
          for (const l of sc.labels) {
            if (l.y0 < bar || panels.some((r) => l.x1 > r[0] && l.x0 < r[2] && l.y1 > r[1] && l.y0 < r[3])) continue;
            const dark = darkPixels(png, l.x0, l.y0, l.x1, l.y1, png.width / sc.width, 140);
            assert(dark >= 3, `${where}: label ${l.id} box holds text pixels (${dark})`);
            ++pixelBoxes;
          }
        }
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    assert(checked >= 2 * 2 * 62, `actors checked (${checked})`);
    assert(pixelBoxes >= 62, `label boxes checked against pixels (${pixelBoxes})`);
  });

  test(`${renderer}: every step of every shipped tour keeps labels apart and clear of edges`, async (env) => {
    const page = await openApp(env, { renderer, viewport: { width: 1280, height: 800 } });
    let steps = 0, visibleInSteps = 0, labelledInSteps = 0;
    for (const id of maps) {
      assertEqual(await page.evaluate((m) => window.qfq.loadMap(m), id), true, `${id} loads`);
      await settled(page, 1280);
      const tours = mapFileTours(id);
      for (const tour of tours)
        for (let i = 0; i < tour.steps.length; i++) {
          assertEqual((await command(page, { cmd: 'tour', id: tour.id, step: i })).ok, true, `${id} ${tour.id} starts`);
          const sc = await settled(page, 1280);
          const where = `${renderer} ${id} tour ${tour.id} step ${i + 1}`;
          // Zoomed on a step, context actors cut by the frame's edges could lose their labels;
          // the frame then slides (ui/present.cpp, reframeTourStep) so that none does.
          const m = checkScene(sc, where);
          visibleInSteps += m.visible;
          labelledInSteps += m.labelled;
          const labelled = new Set(sc.labels.map((l) => l.id));
          for (const a of (await status(page)).tourFocus) assert(labelled.has(a), `${where}: focused ${a} labelled`);
          ++steps;
        }
      await command(page, { cmd: 'tour', id: '' });
    }
    assert(steps >= 5, `tour steps checked (${steps})`);
    assertEqual(labelledInSteps, visibleInSteps, `labelled in tour steps: ${labelledInSteps}/${visibleInSteps}`);
  });
  // A territory nobody shipped, written from data/README.md (tests/browser/dense_map.mjs):
  // 150 actors, the size up to which every actor is labelled, at a readable size.
  test(`${renderer}: a 150-actor territory map nobody shipped reads at 1280×800 and 1920×1080`, async (env) => {
    const page = await openApp(env, { renderer, viewport: { width: 1280, height: 800 } });
    const map = denseTerritory();
    await page.route('**/data/test/val-de-loue.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(map) }));
    assertEqual(await page.evaluate(() => window.qfq.loadMap('data/test/val-de-loue.json')), true, 'the test map loads');
    for (const [w, h] of sizes) {
      await page.setViewportSize({ width: w, height: h });
      const sc = await settled(page, w);
      const m = checkScene(sc, `${renderer} val-de-loue ${w}×${h}`);
      assertEqual(m.visible, 150, `all 150 actors in view at ${w}×${h}`);
      const smallest = Math.min(...sc.labels.map((l) => l.y1 - l.y0));
      assert(smallest >= 11, `labels readable at ${w}×${h}: smallest box ${smallest.toFixed(1)} px`);
    }
  });
}

// Tours as each map file defines them.
const tourCache = {};
function mapFileTours(id) {
  if (!tourCache[id]) tourCache[id] = mapFile(id).tours || [];
  return tourCache[id];
}

test('webgl2: facilitator mode at 1920×1080 prints focused labels at least 24 px high, relation colours kept', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2', query: 'map=ariege&present=1', viewport: { width: 1920, height: 1080 } });
  const tour = mapFileTours('ariege')[0];
  let checked = 0;
  for (let i = 0; i < tour.steps.length; i++) {
    await command(page, { cmd: 'tour', id: tour.id, step: i });
    const sc = await settled(page, 1920);
    // Known limit: the enlarged labels of focused actors may still cover a neighbour's disc
    // or an edge; they never cover each other.
    const m = legibility(sc);
    assertEqual(m.ll, 0, `present step ${i + 1}: label–label overlaps (${m.problems.slice(0, 3).join('; ')})`);
    assert(m.labelled >= 0.9 * m.visible, `present step ${i + 1}: ${m.labelled}/${m.visible} labelled`);
    const focus = new Set((await status(page)).tourFocus);
    for (const l of sc.labels) if (focus.has(l.id)) {
      assert(l.y1 - l.y0 >= 24, `step ${i + 1}: ${l.id} label ${Math.round(l.y1 - l.y0)} px high`);
      ++checked;
    }
  }
  assert(checked >= tour.steps.length, `focused labels checked (${checked})`);
});

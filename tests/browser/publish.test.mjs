// publish.test.mjs — what a collectivité does: open a map by URL, drop a JSON file or a
// spreadsheet pair, export pictures and data from the app, and publish a static site that
// a plain static server serves (the glossary page readable without JavaScript).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { test, assert, assertEqual, openApp, status, frames, waitReady, artifactsDir, shot } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

const root = new URL('../../', import.meta.url).pathname;
const read = (p) => readFileSync(join(root, p), 'utf8');

// Drops files on the canvas the way a browser does (a DataTransfer with File objects).
async function drop(page, files) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type }));
    document.getElementById('qfq-canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

async function clickWidget(page, name) {
  await frames(page, 3);
  const r = await page.waitForFunction((n) => window.qfq.status().widgets[n], name, { timeout: 5000 }).then((h) => h.jsonValue());
  await page.mouse.click((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
}

test('?map=URL opens a map from the web, resolving its extends chain', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2', query: `map=${env.url}data/territories/ariege.json` });
  const s = await status(page);
  assertEqual(s.map, 'ariege', 'map');
  assert(s.actors > 60 && s.errors.length === 0, `ariege resolved through occitanie and national (${s.actors} actors)`);
});

test('a dropped JSON map replaces the view; a dropped spreadsheet pair becomes an overlay', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2' });
  await drop(page, [{ name: 'val-d-oise.json', type: 'application/json', text: read('data/territories/val-d-oise.json') }]);
  await page.waitForFunction(() => window.qfq.status().map === 'val-d-oise' && window.qfq.status().ready, null, { timeout: 10000 });
  // The spreadsheet template (actors + relations) imported over the map on screen.
  await drop(page, [
    { name: 'relations.csv', type: 'text/csv', text: read('data/templates/relations.csv') },
    { name: 'actors.csv', type: 'text/csv', text: read('data/templates/actors.csv') },
  ]);
  await page.waitForFunction(() => window.qfq.status().map === 'import' && window.qfq.status().ready, null, { timeout: 10000 });
  let s = await status(page);
  assertEqual(s.errors.length, 0, `no errors: ${s.errors}`);
  assert(s.actors >= 65, `the overlay keeps the base's actors (${s.actors})`);
  // A broken spreadsheet: the errors name the file, row and column; the map stays.
  const broken = read('data/templates/actors.csv').replace(/;region-academique;/, ';region-academik;');
  await drop(page, [
    { name: 'acteurs.csv', type: 'text/csv', text: broken },
    { name: 'relations.csv', type: 'text/csv', text: read('data/templates/relations.csv') },
  ]);
  await frames(page, 5);
  s = await status(page);
  assertEqual(s.map, 'import', 'previous map kept');
  assert(s.errors.some((e) => /acteurs\.csv:\d+:\d+/.test(e) && /region-academik/.test(e)), `error names the cell: ${s.errors.join(' | ')}`);
});

test('the app exports PNG at 2×, SVG and GraphML of the current view', async (env) => {
  // Wide enough for the whole bar on one row (narrower, "Exporter" goes into the menu).
  const page = await openApp(env, { renderer: 'webgl2', viewport: { width: 1920, height: 1080 } });
  await clickWidget(page, 'export');
  const [download] = await Promise.all([page.waitForEvent('download'), clickWidget(page, 'export-png-2')]);
  assertEqual(download.suggestedFilename(), 'national@2x.png', 'file name');
  const path = join(artifactsDir, 'export-national@2x.png');
  await download.saveAs(path);
  const png = PNG.sync.read(readFileSync(path));
  assertEqual(png.width, 1920 * 2, 'PNG width at 2×');
  assert(png.height > 1080 * 2, `PNG has the view plus title and legend (${png.height})`);
  const svg = await page.evaluate(() => new TextDecoder().decode(new Uint8Array(window.qfq.exportBytes('svg', 1))));
  assert(/<svg[\s>]/.test(svg) && /<\/svg>\s*$/.test(svg), 'an SVG document');
  assert(svg.includes('DRANE'), 'labels are in the SVG');
  const graphml = await page.evaluate(() => new TextDecoder().decode(new Uint8Array(window.qfq.exportBytes('graphml', 1))));
  const actors = (await status(page)).actors;
  assert(graphml.includes('<graphml') && (graphml.match(/<node /g) || []).length === actors, `GraphML with every actor (${actors})`);
});

test('qfq publish writes a static site that a plain server serves', async (env) => {
  const site = join(mkdtempSync(join(tmpdir(), 'qfq-site-')), 'site');
  execFileSync(join(root, 'build/native/qfq'), ['publish', 'data/territories/ariege.json', 'data/wallonie.json', '-o', site, '--app', 'build/web'],
    { cwd: root, stdio: 'pipe' });
  const { server, url } = await serve(site);
  try {
    const page = await env.context.newPage();
    await page.goto(`${url}index.html?map=ariege&renderer=webgl2`);
    await waitReady(page);
    const s = await status(page);
    assertEqual(s.map, 'ariege', 'published map loads');
    assertEqual(s.errors.length, 0, 'without errors');
    await shot(page, 'publish-site');
    // The glossary page works without JavaScript.
    const noJs = await env.launch([], { javaScriptEnabled: false });
    try {
      const g = await noJs.newPage();
      await g.goto(`${url}glossary/ariege.html`);
      const text = await g.locator('body').textContent();
      assert(/ERUN/.test(text) && /DRANE/.test(text) && /IA-DASEN/.test(text), 'glossary lists the acronyms');
      assertEqual(await g.locator('html').getAttribute('lang'), 'fr', 'page language');
    } finally {
      await noJs.close();  // also when an assertion failed
    }
  } finally {
    server.close();
  }
});

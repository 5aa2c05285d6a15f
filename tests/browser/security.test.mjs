// security.test.mjs — what a hostile map, a hostile or broken server and a lost GPU cannot
// do: map text is never HTML (card mirror, DOM, publish pages), links are http(s) only and
// open without opener or referrer, oversized strings and files are refused, remote maps fail
// in words (CORS, HTTP status, timeout, too large, refused address) with the previous map
// kept, the page asks nothing of other hosts, the CSP blocks inline scripts, and a lost
// WebGPU device or WebGL2 context comes back with the same view.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, assert, assertEqual, openApp, status, command, frames, shot, waitReady, colourDistance, darkPixels } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

// The server sees a closed connection a moment after the page aborts: wait for it (up to
// 10 s on a loaded machine) rather than for a fixed time.
async function eventually(condition, ms = 10000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50)))
    if (condition()) return true;
  return condition();
}

const root = new URL('../../', import.meta.url).pathname;
const pwn = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">'];

// A small valid map; `actors` and `glossary` replace the defaults.
function smallMap(id, { actors, glossary = [], title = id, extendsRef } = {}) {
  const source = [{ url: 'https://example.org/', verified: '2026-11-29' }];
  const map = {
    schema: 'qfq-map/1', id, title, language: 'fr', licence: 'CC0-1.0', maintainers: [{ name: 't' }],
    updated: '2026-11-29',
    levels: [{ id: 'n', label: 'N', colour: '#336699' }], actorKinds: [{ id: 'k', label: 'K', colour: '#993366' }],
    relationKinds: [{ id: 'r', label: 'R', colour: '#000000' }],
    actors: actors || [{ id: 'a', name: 'Acteur A', level: 'n', kind: 'k', sources: source },
                       { id: 'b', name: 'Acteur B', level: 'n', kind: 'k', sources: source }],
    relations: [], glossary,
  };
  if (!actors) map.relations.push({ from: 'a', to: 'b', kind: 'r' });
  if (extendsRef) {
    map.extends = extendsRef;
    delete map.levels; delete map.actorKinds; delete map.relationKinds;
  }
  return map;
}

// The page must not gain elements, run payloads, open dialogs or popups, or navigate away.
async function watchPage(page) {
  const seen = { dialogs: [], popups: [] };
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('popup', (p) => seen.popups.push(p.url()));
  await page.evaluate(() => { window.__sameDocument = 1; });  // gone if the page navigates
  seen.elements = await page.evaluate(() => document.getElementsByTagName('*').length);
  seen.check = async (what) => {
    const s = await page.evaluate(() => ({ pwned: window.__pwned, same: window.__sameDocument,
      elements: document.getElementsByTagName('*').length }));
    assertEqual(s.pwned, undefined, `${what}: a payload ran`);
    assertEqual(s.same, 1, `${what}: the page navigated`);
    assertEqual(s.elements, seen.elements, `${what}: elements were added to the page`);
    assertEqual(seen.dialogs.length, 0, `${what}: dialogs ${seen.dialogs}`);
    assertEqual(seen.popups.length, 0, `${what}: popups ${seen.popups}`);
  };
  return seen;
}

// Pixels at the actors' discs, for comparing a view before and after a GPU loss.
async function nodePixels(page, png) {
  const s = await status(page);
  // The page's own notice ("WebGPU perdu…") is HTML over the canvas: discs under it are skipped
  // as those under the app's windows are.
  const notice = await page.evaluate(() => {
    const n = document.getElementById('qfq-notice');
    if (!n || n.hidden) return null;
    const r = n.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom];
  });
  const covers = [...Object.values(s.widgets), ...(notice ? [notice] : [])];
  const out = {};
  for (const id of ['dne', 'drane', 'ia-dasen', 'erun', 'region', 'ien', 'canope', 'cned', 'dasen']) {
    const p = await command(page, { cmd: 'project', id });
    if (!p.ok || p.x < 20 || p.y < 60 || p.x > s.width - 20 || p.y > s.height - 20) continue;
    const inWidget = covers.some(([x0, y0, x1, y1]) => p.x >= x0 - 4 && p.x <= x1 + 4 && p.y >= y0 - 4 && p.y <= y1 + 4);
    if (!inWidget) out[id] = { x: p.x, y: p.y, pixel: png.pixel(p.x, p.y) };
  }
  return out;
}
const background = [0xf7, 0xf8, 0xfa];
function assertSamePixels(before, after, what) {
  const ids = Object.keys(before).filter((id) => after[id]);
  const drawn = ids.filter((id) => colourDistance(after[id].pixel, background) > 40);
  assert(drawn.length >= 3, `${what}: at least 3 actors drawn after (${drawn.join(', ')})`);
  for (const id of ids) {
    const d = colourDistance(before[id].pixel, after[id].pixel);
    assert(d <= 40, `${what}: ${id} at (${after[id].x.toFixed(0)}, ${after[id].y.toFixed(0)}) was ${before[id].pixel}, now ${after[id].pixel}`);
  }
}
const view = (s) => ({ map: s.map, selected: s.selected, x: s.camera.x.toFixed(3), y: s.camera.y.toFixed(3), zoom: s.camera.zoom.toFixed(4) });

// A second web server on another port, so another origin: `routes` maps a path to a handler.
async function otherOrigin(routes) {
  const sockets = new Set();
  const server = createServer((req, res) => {
    const handler = routes[new URL(req.url, 'http://x').pathname];
    if (handler) handler(req, res); else res.writeHead(404, { 'access-control-allow-origin': '*' }).end('not found');
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => { for (const s of sockets) s.destroy(); server.close(); },
  };
}
const cors = { 'access-control-allow-origin': '*' };

// ---------------------------------------------------------------------------
// Map text is text
// ---------------------------------------------------------------------------

function hostileMap() {
  const source = [{ url: 'https://example.org/', verified: '2026-11-29' }];
  return smallMap('hostile', {
    title: pwn[0],
    actors: pwn.map((p, i) => ({ id: `evil-${i}`, acronym: p, name: `${p} name`, description: `${p} description`,
      missions: [p], level: 'n', kind: 'k', sources: [{ url: 'https://example.org/', verified: '2026-11-29', title: p }] }))
      .concat([{ id: 'plain', name: 'Plain', level: 'n', kind: 'k', sources: source }]),
    glossary: pwn.map((p, i) => ({ term: `T${i}${p}`, expansion: `${p} expansion`, definition: p })),
  });
}

for (const renderer of ['webgpu', 'webgl2']) {
  test(`${renderer}: a hostile map's markup stays literal text and runs nothing`, async (env) => {
    const page = await openApp(env, { renderer });
    const seen = await watchPage(page);
    await page.route('**/hostile.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(hostileMap()) }));
    assertEqual(await page.evaluate(() => window.qfq.loadMap('hostile.json')), true, 'the hostile map is valid and loads');
    await waitReady(page);
    for (let i = 0; i < pwn.length; ++i) {
      await command(page, { cmd: 'select', id: `evil-${i}`, fly: false });
      await page.waitForFunction((id) => window.qfq.status().selected === id && window.qfq.status().cardOpen, `evil-${i}`, { timeout: 5000 });
      await frames(page, 3);
      const card = await page.evaluate(() => {
        const el = document.getElementById('qfq-card');
        return { text: el.textContent, children: el.childElementCount };
      });
      assert(card.text.includes(`${pwn[i]} name`) && card.text.includes(`${pwn[i]} description`),
        `the card mirror shows the literal text of ${pwn[i]}:\n${card.text}`);
      assertEqual(card.children, 0, 'the card mirror holds text only');
    }
    await command(page, { cmd: 'select', id: null });
    await frames(page, 3);
    const [x0, y0, x1, y1] = (await status(page)).widgets.glossary;
    await page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
    await page.waitForFunction(() => window.qfq.status().glossaryOpen, null, { timeout: 5000 });
    const rows = (await status(page)).glossary;
    assert(pwn.every((p, i) => rows.some((r) => r.includes(`T${i}${p}`))), `glossary rows are literal: ${rows.join(' | ')}`);
    await frames(page, 5);
    await seen.check('hostile map');
    const s = await status(page);
    assertEqual(s.map, 'hostile', 'map');
    assert(s.nodes >= 4, 'its actors are drawn');
    await shot(page, `security-${renderer}-hostile`);
  });
}

test('a javascript: link in a map is refused by the loader; the link path opens only http(s)', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2' });
  const seen = await watchPage(page);
  const bad = smallMap('bad-links');
  bad.actors[0].url = 'javascript:alert(1)';
  bad.actors[1].sources[0].url = 'javascript:window.__pwned=1';
  await page.route('**/bad-links.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bad) }));
  assertEqual(await page.evaluate(() => window.qfq.loadMap('bad-links.json')), false, 'load refused');
  let s = await status(page);
  assertEqual(s.map, 'national', 'previous map kept');
  assert(s.errors.some((e) => /\/actors\/0\/url/.test(e) && /javascript:/.test(e)), `website error names its place: ${s.errors.join(' | ')}`);
  assert(s.errors.some((e) => /\/actors\/1\/sources\/0\/url/.test(e)), `source error names its place: ${s.errors.join(' | ')}`);
  // The path the card's links take (C++ → qfq_js_open_url → the page's opener).
  for (const url of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'vbscript:x', 'not a url']) {
    assertEqual(await page.evaluate((u) => window.qfq.openUrl(u), url), false, `${url} opens nothing`);
    const notice = await page.locator('#qfq-notice').textContent();
    assert(/Lien refusé/.test(notice) && /Link refused/.test(notice), `notice in words: ${notice}`);
  }
  await frames(page, 3);
  await seen.check('javascript: links');
  // A web address opens, without opener and without referrer.
  let referer = 'unset';
  const other = await otherOrigin({ '/page.html': (req, res) => { referer = req.headers.referer; res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>'); } });
  try {
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((u) => window.qfq.openUrl(u), `${other.url}page.html`)]);
    await popup.waitForLoadState();
    assertEqual(await popup.evaluate(() => window.opener), null, 'no opener');
    assertEqual(referer, undefined, 'no Referer header');
    assertEqual(await popup.evaluate(() => document.referrer), '', 'no document.referrer');
    await popup.close();
  } finally {
    other.close();
  }
  s = await status(page);
  assertEqual(s.map, 'national', 'map still there');
});

test('a 10 MB name is refused as too long; a dropped file over the limit is not read', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2' });
  const huge = smallMap('huge');
  huge.actors[0].name = 'A'.repeat(10 * 1024 * 1024);
  await page.route('**/huge.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(huge) }));
  assertEqual(await page.evaluate(() => window.qfq.loadMap('huge.json')), false, 'load refused');
  let s = await status(page);
  assertEqual(s.map, 'national', 'previous map kept');
  assert(s.errors.some((e) => /\/actors\/0\/name/.test(e) && /chaîne trop longue|string too long/.test(e)), `too long, with its place: ${s.errors.join(' | ')}`);
  // Still responsive: it answers, selects and draws.
  await command(page, { cmd: 'select', id: 'erun', fly: false });
  await frames(page, 3);
  assertEqual((await status(page)).selected, 'erun', 'the page still answers');
  // A dropped file one byte over the loader's limit.
  const refused = await page.evaluate(async () => {
    const limit = 50 * 1024 * 1024;  // io::Limits::kFileBytes; checked against the notice below
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(limit + 1)], 'big.json', { type: 'application/json' }));
    return window.qfq.loadDropped(dt.files);
  });
  assertEqual(refused, false, 'dropped file refused');
  const notice = await page.locator('#qfq-notice').textContent();
  assert(/trop gros/.test(notice) && /too large/.test(notice) && /50 Mo/.test(notice), `notice in words: ${notice}`);
  s = await status(page);
  assertEqual(s.map, 'national', 'previous map kept');
  assert(s.errors.some((e) => /big\.json/.test(e) && /trop gros|too large/.test(e)), `error listed: ${s.errors.join(' | ')}`);
});

// ---------------------------------------------------------------------------
// Remote maps
// ---------------------------------------------------------------------------

test('remote maps: CORS, HTTP errors, timeout, endless body, early size refusal, refused schemes', async (env) => {
  const remote = JSON.stringify(smallMap('remote'));
  const hanging = [];
  let endless = { sent: 0, closed: false };
  let declared = { sent: 0, closed: false };
  const other = await otherOrigin({
    '/nocors.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(remote),
    '/remote.json': (req, res) => res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(remote),
    '/hang.json': (req, res) => hanging.push(res),  // never answers
    '/endless.json': (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', ...cors });
      res.on('close', () => { endless.closed = true; });
      const chunk = Buffer.alloc(256 * 1024, 0x20);
      const pump = () => {
        while (!endless.closed && res.write(chunk)) endless.sent += chunk.length;
        if (!endless.closed) res.once('drain', pump);
      };
      res.write('{"schema": "qfq-map/1", "id": "endless", "actors": [');
      pump();
    },
    '/declared.json': (req, res) => {  // announces 60 MB, sends a little, then waits
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(60 * 1024 * 1024), ...cors });
      res.on('close', () => { declared.closed = true; });
      res.write('{"schema": ');
      declared.sent = 11;
    },
  });
  try {
    const page = await openApp(env, { renderer: 'webgl2' });
    const seen = await watchPage(page);
    const load = (url) => page.evaluate((u) => window.qfq.loadMap(u), url);
    const noticeText = () => page.locator('#qfq-notice').textContent();
    const expectKept = async (map, what) => {
      const s = await status(page);
      assertEqual(s.map, map, `${what}: previous map kept`);
      assert(s.nodes >= 2, `${what}: still drawn`);
      return s;
    };

    // Without Access-Control-Allow-Origin the browser hides the answer.
    assertEqual(await load(`${other.url}nocors.json`), false, 'no CORS: refused');
    let s = await expectKept('national', 'no CORS');
    assert(/CORS/.test(await noticeText()) && /injoignable/.test(await noticeText()), `notice names CORS: ${await noticeText()}`);
    assert(s.errors.some((e) => /CORS/.test(e)), `error listed: ${s.errors.join(' | ')}`);

    // With it, the map loads.
    assertEqual(await load(`${other.url}remote.json`), true, 'CORS: loads');
    await waitReady(page);
    s = await expectKept('remote', 'CORS');
    assertEqual(s.errors.length, 0, 'no errors');

    assertEqual(await load(`${other.url}missing.json`), false, '404 refused');
    s = await expectKept('remote', '404');
    assert(/404 Not Found/.test(await noticeText()), `notice gives the status: ${await noticeText()}`);
    assert(s.errors.some((e) => /HTTP 404 Not Found/.test(e)), `error listed: ${s.errors.join(' | ')}`);

    await page.evaluate(() => { window.qfqFetchTimeout = 1; });
    assertEqual(await load(`${other.url}hang.json`), false, 'no answer: refused');
    s = await expectKept('remote', 'timeout');
    assert(/délai dépassé/.test(await noticeText()) && /timed out/.test(await noticeText()), `notice says timed out: ${await noticeText()}`);
    await page.evaluate(() => { delete window.qfqFetchTimeout; });

    assertEqual(await load(`${other.url}endless.json`), false, 'endless body: refused');
    s = await expectKept('remote', 'endless');
    assert(/trop gros/.test(await noticeText()) && /too large/.test(await noticeText()), `notice says too large: ${await noticeText()}`);
    assert(await eventually(() => endless.closed), 'the page closed the endless download');
    await command(page, { cmd: 'select', id: 'a', fly: false });
    await frames(page, 3);
    assertEqual((await status(page)).selected, 'a', 'the page still answers');

    assertEqual(await load(`${other.url}declared.json`), false, 'announced size over the limit: refused');
    await expectKept('remote', 'Content-Length');
    assert(/too large/.test(await noticeText()), `notice says too large: ${await noticeText()}`);
    assert(await eventually(() => declared.closed), 'refused on Content-Length, before the body');

    // An `extends` base the page fetches has the same cap.
    const child = smallMap('child', { extendsRef: `${other.url}endless.json`,
      actors: [{ id: 'c', name: 'C', level: 'n', kind: 'k', sources: [{ url: 'https://example.org/', verified: '2026-11-29' }] }] });
    endless = { sent: 0, closed: false };
    await page.route('**/child.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(child) }));
    assertEqual(await load('child.json'), false, 'base too large: refused');
    s = await expectKept('remote', 'extends');
    assert(s.errors.some((e) => /endless\.json/.test(e) && /trop gros|too large/.test(e)), `base error listed: ${s.errors.join(' | ')}`);

    for (const ref of ['javascript:window.__pwned=1', 'data:application/json,{}', 'file:///etc/passwd', 'blob:http://x/y', 'ftp://example.org/m.json']) {
      assertEqual(await load(ref), false, `${ref} refused`);
      s = await expectKept('remote', ref);
      assert(/Adresse refusée/.test(await noticeText()) && /only http/.test(await noticeText()), `notice in words: ${await noticeText()}`);
    }
    await seen.check('remote maps');

    // ?map=javascript:… on a fresh page: refused in words, nothing runs.
    const fresh = await openApp(env, { renderer: 'webgl2', query: 'map=javascript:window.__pwned=1', waitReady: false });
    await fresh.waitForSelector('#qfq-notice:not([hidden])', { timeout: 20000 });
    assert(/Adresse refusée/.test(await fresh.locator('#qfq-notice').textContent()), 'refused at start-up');
    assertEqual(await fresh.evaluate(() => window.__pwned), undefined, 'nothing ran');
    assert((await status(fresh)).errors.some((e) => /javascript:/.test(e)), 'error listed');
  } finally {
    for (const res of hanging) res.destroy();
    other.close();
  }
});

// ---------------------------------------------------------------------------
// The page itself
// ---------------------------------------------------------------------------

test('normal use requests nothing from another origin', async (env) => {
  const page = await env.context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.url);
  await waitReady(page);
  await page.locator('#qfq-canvas').focus();
  await page.keyboard.type('erun');
  await page.waitForFunction(() => window.qfq.status().searchText === 'erun', null, { timeout: 5000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.qfq.status().selected === 'erun', null, { timeout: 5000 });
  await page.evaluate(() => window.qfq.loadMap('occitanie'));
  await page.evaluate(() => window.qfq.loadMap('data/territories/ariege.json'));
  await frames(page, 5);
  assertEqual((await status(page)).map, 'ariege', 'maps loaded');
  const origin = new URL(env.url).origin;
  const foreign = requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== origin);
  assert(requests.length > 10, `requests recorded (${requests.length})`);
  assertEqual(foreign.length, 0, `requests to other origins: ${foreign.join(', ')}`);
});

test('the Content-Security-Policy blocks inline scripts, handlers and eval', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2' });
  // A same-origin script may run, but not eval: it reports what it could do.
  await page.route('**/csp-probe.js', (route) => route.fulfill({ contentType: 'text/javascript', body: `
    window.__cspProbe = { eval: 'ran', fn: 'ran' };
    try { (0, eval)('1'); } catch (e) { window.__cspProbe.eval = e.name; }
    try { Function('return 1')(); } catch (e) { window.__cspProbe.fn = e.name; }` }));
  const r = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__cspInline = 1';
    document.head.append(s);
    const b = document.createElement('button');
    b.setAttribute('onclick', 'window.__cspHandler = 1');
    document.body.append(b);
    b.click();
    const probe = document.createElement('script');
    probe.src = 'csp-probe.js';
    await new Promise((done) => { probe.onload = done; probe.onerror = done; document.head.append(probe); });
    s.remove(); b.remove(); probe.remove();
    // Violation events are queued: wait for them (at most 120 frames), not for a fixed time.
    for (let k = 0; k < 120 && violations.filter((v) => v.startsWith('script-src')).length < 2; ++k)
      await new Promise((done) => requestAnimationFrame(done));
    return { inline: window.__cspInline, handler: window.__cspHandler, probe: window.__cspProbe, violations };
  });
  assertEqual(r.inline, undefined, 'inline script ran');
  assertEqual(r.handler, undefined, 'inline handler ran');
  assertEqual(JSON.stringify(r.probe), JSON.stringify({ eval: 'EvalError', fn: 'EvalError' }), 'a same-origin script runs, eval and Function do not');
  assert(r.violations.filter((v) => v.startsWith('script-src')).length >= 2, `violations reported: ${r.violations}`);
  const s = await status(page);
  assert(s.ready && s.nodes > 60, 'the app itself runs under the policy');
  assertEqual(page.qfqConsoleErrors.filter((e) => !/Content Security Policy/.test(e)).length, 0, `console errors ${page.qfqConsoleErrors}`);
});

test('qfq publish escapes a hostile map in its pages, which carry a no-script policy', async (env) => {
  const dir = mkdtempSync(join(tmpdir(), 'qfq-hostile-'));
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify(hostileMap()));
  const site = join(dir, 'site');
  execFileSync(join(root, 'build/native/qfq'), ['publish', join(dir, 'hostile.json'), '-o', site, '--app', 'build/web'], { cwd: root, stdio: 'pipe' });
  for (const page of ['glossary/hostile.html', 'glossary/hostile.en.html', 'glossary/index.html']) {
    const html = readFileSync(join(site, page), 'utf8');
    assert(!/<(script|img|svg)\b/i.test(html), `${page}: raw markup from the map`);
    assert(html.includes('&lt;script&gt;window.__pwned=1&lt;/script&gt;'), `${page}: the text is escaped`);
    assert(/http-equiv="Content-Security-Policy" content="default-src 'none'/.test(html), `${page}: policy`);
  }
  const { server, url } = await serve(site);
  try {
    const page = await env.context.newPage();
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await page.goto(`${url}glossary/hostile.html`);
    const text = await page.locator('body').textContent();
    assert(text.includes(pwn[1]) && text.includes(pwn[2]), 'the page shows the literal text');
    assertEqual(await page.evaluate(() => window.__pwned), undefined, 'nothing ran');
    assertEqual(await page.evaluate(() => document.querySelectorAll('script, img, svg, [onerror], [onload]').length), 0,
      'no element or handler came from the map');
    assertEqual(dialogs.length, 0, 'no dialog');
  } finally {
    server.close();
  }
});

// ---------------------------------------------------------------------------
// GPU faults
// ---------------------------------------------------------------------------

async function setView(page) {
  await command(page, { cmd: 'select', id: 'drane', fly: false });
  const s = await status(page);
  await command(page, { cmd: 'camera', x: s.camera.x + 15, y: s.camera.y - 10, zoom: s.camera.zoom * 1.1 });
  await frames(page, 10);
  return status(page);
}

test('webgpu: a real device.destroy() falls back to WebGL2 with the same view', async (env) => {
  const page = await openApp(env, { renderer: 'webgpu' });
  const before = await setView(page);
  assertEqual(before.renderer, 'webgpu', 'renderer');
  const pixels = await nodePixels(page, await shot(page, 'security-webgpu-before-loss'));
  await page.evaluate(() => window.qfq.gpu.device.destroy());
  await page.waitForFunction(() => window.qfq.status().renderer === 'webgl2', null, { timeout: 10000 });
  await frames(page, 10);
  const after = await status(page);
  assertEqual(JSON.stringify(view(after)), JSON.stringify(view(before)), 'same map, selection and camera');
  assertSamePixels(pixels, await nodePixels(page, await shot(page, 'security-webgpu-after-loss')), 'after the fallback');
  assert(/WebGL2/.test(await page.locator('#qfq-notice').textContent()), 'a notice says so');
});

test('webgl2: a lost context is restored with the same view, text and nodes', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2' });
  const before = await setView(page);
  const pixels = await nodePixels(page, await shot(page, 'security-webgl2-before-loss'));
  await page.evaluate(() => {
    window.__loseContext = window.qfq.gpu.gl.getExtension('WEBGL_lose_context');
    window.__loseContext.loseContext();
  });
  await page.waitForFunction(() => window.qfq.status().gpuLost, null, { timeout: 10000 });
  assert(/WebGL2/.test(await page.locator('#qfq-notice').textContent()), 'a notice says the context is lost');
  await page.evaluate(() => window.__loseContext.restoreContext());
  await page.waitForFunction(() => !window.qfq.status().gpuLost, null, { timeout: 10000 });
  await frames(page, 10);
  const after = await status(page);
  assertEqual(after.renderer, 'webgl2', 'renderer');
  assertEqual(JSON.stringify(view(after)), JSON.stringify(view(before)), 'same map, selection and camera');
  const png = await shot(page, 'security-webgl2-after-restore');
  assertSamePixels(pixels, await nodePixels(page, png), 'after the restore');
  assert(darkPixels(png, 6, 6, 100, 30) > 40, 'UI text is drawn again (font atlas re-uploaded)');
});

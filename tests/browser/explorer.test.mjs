// explorer.test.mjs — a newcomer's path through the real interface, with each renderer:
// search "erun" and read its card; find "ENT" in the glossary; switch to Occitanie and its
// Toulouse variant; reload a shared link; navigate with the keyboard alone; Back/Forward.
// Clicks land on the widgets' real screen rectangles (status().widgets).
import { test, assert, assertEqual, openApp, status, command, frames, shot, waitReady, cameraStill, widget, click, typeInto } from './harness.mjs';

const cardText = (page) => page.locator('#qfq-card').textContent();

for (const renderer of ['webgpu', 'webgl2']) {
  test(`${renderer}: typing "erun" finds the ERUN, whose card explains it and links the IEN`, async (env) => {
    const page = await openApp(env, { renderer });
    await typeInto(page, 'search', 'erun');
    await widget(page, 'hit-0');
    await shot(page, `explorer-${renderer}-1-search`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.qfq.status().cardOpen, null, { timeout: 5000 });
    await cameraStill(page);
    const s = await status(page);
    assertEqual(s.selected, 'erun', 'selected actor');
    const card = await cardText(page);
    assert(/Enseignant référent pour les usages du numérique/.test(card), `card shows the expansion:\n${card}`);
    assert(/IEN/.test(card), `card shows the relation to the IEN:\n${card}`);
    await shot(page, `explorer-${renderer}-2-card`);
  });

  test(`${renderer}: the glossary lists "ENT" with its expansion and shows it on the map`, async (env) => {
    const page = await openApp(env, { renderer });
    await click(page, 'glossary');
    assert((await status(page)).glossaryOpen, 'glossary open');
    const all = (await status(page)).glossary;
    assert(all.length >= 60, `every acronym is listed (${all.length})`);
    await typeInto(page, 'glossary-filter', 'ENT');
    const rows = (await status(page)).glossary;
    assert(rows.some((r) => /^ENT — Espace numérique de travail/.test(r)), `ENT row: ${rows.join(' | ')}`);
    assert(rows.length < all.length, 'the filter narrows the list');
    await shot(page, `explorer-${renderer}-3-glossary`);
  });

  test(`${renderer}: switching to Occitanie keeps the selection and offers the Toulouse variant`, async (env) => {
    const page = await openApp(env, { renderer });
    await command(page, { cmd: 'select', id: 'drane' });
    await click(page, 'map');
    await click(page, 'map-occitanie');
    await page.waitForFunction(() => window.qfq.status().map === 'occitanie' && window.qfq.status().ready, null, { timeout: 10000 });
    assertEqual((await status(page)).selected, 'drane', 'selection kept across maps');
    await click(page, 'variant');
    // 30+ académies: the filter box has the keyboard, typing narrows the list to Toulouse. Typed
    // only once the box has the keyboard (the popup opens a frame after the click); a slow
    // software renderer takes the characters over many frames, hence the long wait.
    await page.waitForFunction(() => window.qfq.status().textInput, null, { timeout: 10000 });
    await page.keyboard.type('toulouse', { delay: 15 });
    await page.waitForFunction(() => window.qfq.status().variantsListed === 1, null, { timeout: 30000 });
    await click(page, 'variant-toulouse');
    await page.waitForFunction(() => window.qfq.status().variant !== '', null, { timeout: 10000 }).catch(() => {});
    const s = await status(page);
    assertEqual(s.variant, 'toulouse', 'variant');
    assert(/Toulouse/.test(await cardText(page)) || s.card.some((l) => /Toulouse|Occitanie/.test(l)),
      `the card speaks of the Toulouse variant:\n${s.card.join('\n')}`);
    await shot(page, `explorer-${renderer}-4-occitanie-toulouse`);
  });
}

test('a shared link reproduces the selection, camera, language and filters', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2' });
  await command(page, { cmd: 'select', id: 'ia-dasen', fly: false });
  await command(page, { cmd: 'lang', lang: 'en' });
  await command(page, { cmd: 'camera', x: 123.5, y: 240.25, zoom: 1.75 });
  await page.waitForFunction(() => /sel=ia-dasen/.test(location.hash) && /cam=123.5,240.25,1.75/.test(location.hash), null, { timeout: 5000 });
  const link = page.url();
  const other = await env.context.newPage();
  await other.goto(link);
  await waitReady(other);
  await other.waitForFunction(() => window.qfq.status().selected === 'ia-dasen', null, { timeout: 5000 });
  const s = await status(other);
  assertEqual(s.lang, 'en', 'language');
  assert(Math.abs(s.camera.x - 123.5) < 0.01 && Math.abs(s.camera.y - 240.25) < 0.01 && Math.abs(s.camera.zoom - 1.75) < 0.001,
    `camera ${JSON.stringify(s.camera)}`);
  assert(s.cardOpen, 'card open');
  await shot(other, 'explorer-5-shared-link');
});

test('Back and Forward walk through selections', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2' });
  await command(page, { cmd: 'select', id: 'dne', fly: false });
  await page.waitForFunction(() => /sel=dne/.test(location.hash));
  await command(page, { cmd: 'select', id: 'erun', fly: false });
  await page.waitForFunction(() => /sel=erun/.test(location.hash));
  await page.goBack();
  await page.waitForFunction(() => window.qfq.status().selected === 'dne', null, { timeout: 5000 });
  await page.goForward();
  await page.waitForFunction(() => window.qfq.status().selected === 'erun', null, { timeout: 5000 });
});

test('keyboard alone reaches an actor card', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2' });
  await page.locator('#qfq-canvas').focus();
  await page.keyboard.press('Tab');
  await frames(page, 2);
  const first = (await status(page)).selected;
  assert(first !== '', 'Tab selects an actor');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await frames(page, 2);
  const moved = (await status(page)).selected;
  assert(moved !== '' && moved !== first, `Tab then an arrow move on (${first} → ${moved})`);
  await page.keyboard.press('Enter');
  await frames(page, 3);
  const s = await status(page);
  assert(s.cardOpen && s.card.length > 3, 'Enter opens the card');
  await page.keyboard.press('Escape');
  await frames(page, 2);
  assert(!(await status(page)).cardOpen, 'Esc closes the card');
  await page.keyboard.press('/');
  await page.keyboard.type('dasen');
  // Dear ImGui spreads queued key events over frames: wait for them, not a fixed time.
  await page.waitForFunction(() => window.qfq.status().searchText === 'dasen', null, { timeout: 5000 })
    .catch(() => {});
  assertEqual((await status(page)).searchText, 'dasen', '"/" focuses the search box');
  await page.keyboard.press('Enter');
  await frames(page, 3);
  assertEqual((await status(page)).selected, 'ia-dasen', 'Enter in the search box selects the first hit');
  // Typing straight on the map searches too.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.locator('#qfq-canvas').focus();
  await page.keyboard.type('erun');
  await page.waitForFunction(() => window.qfq.status().searchText === 'erun', null, { timeout: 5000 }).catch(() => {});
  assertEqual((await status(page)).searchText, 'erun', 'typing on the map fills the search box');
  await shot(page, 'explorer-6-keyboard');
});

test('a malformed fragment or an unknown actor is ignored with a notice', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2', hash: '#map=national&sel=nobody&cam=abc&zzz' });
  await frames(page, 5);
  const s = await status(page);
  assertEqual(s.map, 'national', 'map loaded');
  assertEqual(s.selected, '', 'unknown actor not selected');
  assert(/nobody/.test(s.notice) && /cam=abc/.test(s.notice), `notice names what was skipped: ${s.notice}`);
  assertEqual(page.qfqConsoleErrors.length, 0, `no console errors ${page.qfqConsoleErrors}`);
});

test('a broken map shows its errors and keeps the previous map', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2' });
  await page.route('**/broken.json', (route) => route.fulfill({
    contentType: 'application/json',
    body: '{"schema": "qfq-map/1", "id": "broken", "title": "B", "language": "fr",\n "actors": [ {"id": 12} ]\n}',
  }));
  const ok = await page.evaluate(() => window.qfq.loadMap('broken.json'));
  assertEqual(ok, false, 'load refused');
  await frames(page, 3);
  const s = await status(page);
  assertEqual(s.map, 'national', 'previous map kept');
  assert(s.errors.length >= 2, `every error listed: ${s.errors.join(' | ')}`);
  assert(s.errors.some((e) => /broken\.json:2:\d+: \/actors\/0\/id/.test(e)), `errors carry file:line:col and pointer: ${s.errors.join(' | ')}`);
  assert(s.nodes > 60, 'the previous map is still drawn');
  await shot(page, 'explorer-7-broken-map');
});

test('labels as long as the loader allows, any script, and thousands of namesakes, neither crash nor break search', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2' });
  const actors = [];
  for (let i = 0; i < 3000; ++i) actors.push({ id: `ecole-${i}`, name: 'École Jules Ferry', level: 'n', kind: 'k', sources: [{ url: 'https://example.org/', verified: '2026-11-29' }] });
  actors.push({ id: 'long', name: 'Très '.repeat(60), level: 'n', kind: 'k', sources: [{ url: 'https://example.org/', verified: '2026-11-29' }] });
  actors.push({ id: 'emoji', acronym: '🏫📚', name: 'مدرسة — école 🌍 ש', level: 'n', kind: 'k', sources: [{ url: 'https://example.org/', verified: '2026-11-29' }] });
  const map = {
    schema: 'qfq-map/1', id: 'stress', title: 'Stress', language: 'fr', licence: 'CC0-1.0', maintainers: [{ name: 't' }], updated: '2026-11-29',
    levels: [{ id: 'n', label: 'N', colour: '#336699' }], actorKinds: [{ id: 'k', label: 'K', colour: '#993366' }],
    relationKinds: [{ id: 'r', label: 'R', colour: '#000000' }], actors,
    relations: [{ from: 'long', to: 'emoji', kind: 'r' }, { from: 'ecole-1', to: 'long', kind: 'r' }],
  };
  await page.route('**/stress.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(map) }));
  assertEqual(await page.evaluate(() => window.qfq.loadMap('stress.json')), true, 'stress map loads');
  await waitReady(page, 30000);
  await command(page, { cmd: 'select', id: 'emoji' });
  await frames(page, 5);
  const hits = await command(page, { cmd: 'search', q: 'jules ferry', limit: 5 });
  assertEqual(hits.hits.length, 5, 'namesakes are found');
  const s = await status(page);
  assertEqual(s.actors, 3002, 'all actors loaded');
  assert(s.ready && s.errors.length === 0, 'ready without errors');
  await shot(page, 'explorer-8-stress-labels');
});

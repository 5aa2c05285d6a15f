// textview.test.mjs — what a screen-reader or keyboard user does in the text view (the
// same for both renderers: the text view draws nothing, so once, with WebGL2): follow a
// relation (the actor is selected on the map), search, ask "whom do I contact?", select
// an actor and find it selected on the map, and the other way round; switch to English,
// filter by level, switch to another map and its variant (axe-core still 0 violations);
// open it from the map's help window.
import { test, assert, assertEqual, openApp, status, command, frames, shot } from './harness.mjs';
import { axe } from './axe.mjs';

test('text view: links, search, contact, selection both ways, language, map and variant', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2', query: 'view=text' });
  await page.waitForFunction(() => window.qfq.status().textView, null, { timeout: 5000 });
  let r;
  // Following a relation link selects that actor on the map and moves the focus there.
  await page.locator('article[data-actor="erun"] a[href^="#actor-ien"]').first().click();
  const focused = await page.evaluate(() => document.activeElement.dataset.actor);
  assert(/^ien/.test(focused || ''), `the link moves the focus to the actor (${focused})`);
  assertEqual((await status(page)).selected, focused, 'and selects it on the map');
  assert(!/actor-/.test(await page.evaluate(() => location.hash)), 'the address keeps the map view, not the link');
  // Search from the text view.
  await page.fill('#tv-q', 'drane');
  await page.press('#tv-q', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('#tv-search-results li').length > 0, null, { timeout: 5000 });
  assert(/DRANE/.test(await page.locator('#tv-search-results').textContent()), 'search results name the DRANE');
  // Whom do I contact?
  const topics = await page.evaluate(() => [...document.querySelectorAll('#tv-topic option')].map((o) => o.value));
  assert(topics.length > 5, `the contact form offers topics (${topics.length})`);
  const topic = topics.includes('training') ? 'training' : topics[1];
  await page.selectOption('#tv-topic', topic);
  await page.click('form:has(#tv-topic) button[type=submit]');
  await page.waitForFunction(() => document.getElementById('tv-contact-status').textContent !== '', null, { timeout: 5000 });
  const answers = await page.locator('#tv-contact-results li').count();
  assert(answers > 0, `an answer for "${topic}" (${await page.locator('#tv-contact-status').textContent()})`);
  // The select button of an article selects it on the map; back on the map it is selected.
  await page.click('article[data-actor="drane"] button.tv-select');
  assertEqual((await status(page)).selected, 'drane', 'selected from the text view');
  assertEqual(await page.getAttribute('article[data-actor="drane"] button.tv-select', 'aria-pressed'), 'true', 'pressed');
  await page.click('#tv-back');
  await page.waitForFunction(() => !window.qfq.status().textView, null, { timeout: 5000 });
  await frames(page, 3);
  const back = await status(page);
  assertEqual(back.selected, 'drane', 'the map shows the text view\'s selection');
  assert(back.cardOpen, 'with its card');
  assert(!/view=text/.test(page.url()), 'the address no longer asks for the text view');

  // A selection on the map is marked in the text view, which opens on it.
  await command(page, { cmd: 'select', id: 'ia-dasen', fly: false });
  await frames(page, 3);  // the map's selection reaches the page after the frame
  await page.focus('#qfq-view-toggle');  // the first stop of the page's tab order
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.qfq.status().textView, null, { timeout: 5000 });
  assertEqual(await page.evaluate(() => document.activeElement.dataset.actor), 'ia-dasen', 'the text view opens on the map\'s selection');
  assertEqual(await page.getAttribute('article[data-actor="ia-dasen"] button.tv-select', 'aria-pressed'), 'true', 'marked selected');
  // English: the text, its headings and the page's language.
  await page.click('#tv-lang');
  await page.waitForFunction(() => document.getElementById('qfq-text').lang === 'en' && document.documentElement.lang === 'en', null, { timeout: 5000 });
  assert(/Actors by level/.test(await page.locator('#tv-h-actors').textContent()), 'English headings');
  assertEqual((await status(page)).lang, 'en', 'the map is in English too');
  r = await axe(page);
  assertEqual(r.violations.length, 0, `violations (English):\n${r.violations.join('\n')}`);
  // The map's filters, from the keyboard: the list follows, the checkbox keeps the focus.
  const all = await page.locator('article[data-actor]').count();
  await page.focus('#tv-filter-level-etablissement');
  await page.keyboard.press('Space');
  assertEqual(await page.evaluate(() => document.activeElement.id), 'tv-filter-level-etablissement', 'the checkbox keeps the focus');
  const fewer = await page.locator('article[data-actor]').count();
  assert(fewer > 0 && fewer < all, `a level filtered out leaves fewer actors listed (${fewer} of ${all})`);
  await page.keyboard.press('Space');
  assertEqual(await page.locator('article[data-actor]').count(), all, 'and back');
  // Another map and its variant (once: the data, not the renderer, is under test).
  await page.selectOption('#tv-map-select', 'occitanie');
  await page.waitForFunction(() => window.qfq.status().map === 'occitanie'
    && document.querySelectorAll('article[data-actor]').length === window.qfq.status().actors, null, { timeout: 10000 });
  const variants = await page.evaluate(() => [...document.querySelectorAll('#tv-variant-select option')].map((o) => o.value));
  assert(variants.includes('toulouse'), `variants offered: ${variants.join(', ')}`);
  await page.selectOption('#tv-variant-select', 'toulouse');
  assertEqual((await status(page)).variant, 'toulouse', 'the variant applies to the map');
  assert(/Toulouse/.test(await page.locator('#tv-title').textContent()), 'the title names the variant');
  r = await axe(page);
  assertEqual(r.violations.length, 0, `violations (Occitanie, Toulouse):\n${r.violations.join('\n')}`);
  await shot(page, 'textview-occitanie-toulouse');
});

test('text view: the map\'s help window opens it; Back returns to the map with the focus on it', async (env) => {
  // Wide enough for "?" to sit on the bar (narrower, it is in the bar's menu).
  const page = await openApp(env, { renderer: 'webgl2', viewport: { width: 1920, height: 1080 } });
  const widget = async (name) => (await page.waitForFunction((n) => window.qfq.status().widgets[n], name, { timeout: 5000 })).jsonValue();
  let [x0, y0, x1, y1] = await widget('help');
  await page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
  await frames(page, 3);
  [x0, y0, x1, y1] = await widget('text-view');
  await page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
  await page.waitForFunction(() => window.qfq.status().textView, null, { timeout: 5000 });
  assert(/view=text/.test(page.url()), 'the address says so (a reload opens it again)');
  assertEqual(await page.evaluate(() => document.activeElement.id), 'tv-title', 'the focus goes to its title');
  await page.click('#tv-back');
  await page.waitForFunction(() => !window.qfq.status().textView, null, { timeout: 5000 });
  assertEqual(await page.evaluate(() => document.activeElement.id), 'qfq-canvas', 'back on the map, the focus is on it');
});

test('text view: map data is only ever text (markup in names, descriptions and links stays inert)', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2' });
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  const src = [{ url: 'https://example.org/', verified: '2026-12-01' }];
  const map = {
    schema: 'qfq-map/1', id: 'hostile-text', title: `Titre ${payload}`, language: 'fr', licence: 'CC0-1.0',
    maintainers: [{ name: 't' }], updated: '2026-12-01',
    levels: [{ id: 'n', label: `Niveau ${payload}`, colour: '#336699' }],
    actorKinds: [{ id: 'k', label: 'K', colour: '#993366' }],
    relationKinds: [{ id: 'r', label: 'R', colour: '#000000' }],
    actors: [
      { id: 'a', acronym: 'A<b>', name: `Nom ${payload}`, description: payload, missions: [payload], level: 'n', kind: 'k', sources: src },
      { id: 'b', name: 'B <i>x</i>', level: 'n', kind: 'k', sources: src },
    ],
    relations: [{ from: 'a', to: 'b', kind: 'r', description: payload }],
  };
  await page.route('**/hostile-text.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(map) }));
  assertEqual(await page.evaluate(() => window.qfq.loadMap('hostile-text.json')), true, 'the map loads');
  await page.evaluate(() => window.qfq.textView(true));
  const r = await page.evaluate(() => {
    const root = document.getElementById('qfq-text');
    return { pwned: window.__pwned, markup: root.querySelectorAll('img, script, b, i').length,
             heading: root.querySelector('article h4').textContent, links: [...root.querySelectorAll('article a')].map((a) => a.getAttribute('href')) };
  });
  assertEqual(r.pwned, undefined, 'no payload ran');
  assertEqual(r.markup, 0, 'no element made from map data');
  assert(r.heading.includes('<img src=x'), `the markup is shown as text: ${r.heading}`);
  assert(r.links.every((h) => /^(#[A-Za-z0-9_-]+|https:\/\/example\.org\/)$/.test(h)), `links are in-page anchors or the web source: ${r.links.join(' ')}`);
});

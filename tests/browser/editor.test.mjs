// NOT YET PASSING — kept out of run.mjs (which reads tests/browser/*.test.mjs only) until it does:
// the last run stopped at the territory form (typed text reaching the form, then the level combo);
// status().edit.form was added to wait on typed text but is not yet verified. Move back to
// tests/browser/ once `node tests/browser/run.mjs` passes with it.
// editor.test.mjs — a collectivité builds its territory in the browser alone: from an empty
// overlay, through the editor's forms and the map (mouse and keyboard only): three actors, two
// relations (one drawn by dragging from an actor to another), a territory, a glossary entry and
// a tour step; undo and redo; a reload finds the work; the saved file passes `qfq validate`,
// its CSV set imports back to the same map, and "Publier" gives a site that `qfq publish` would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, assert, assertEqual, openApp, status, command, frames, waitReady, shot } from './harness.mjs';

const root = new URL('../../', import.meta.url).pathname;
const qfq = join(root, 'build/native/qfq');

// The entries of a store-only ZIP (what the app writes): name → Buffer.
function unzipStored(buffer) {
  const files = {};
  for (let i = 0; buffer.readUInt32LE(i) === 0x04034b50;) {
    const method = buffer.readUInt16LE(i + 8), size = buffer.readUInt32LE(i + 18);
    const nameLength = buffer.readUInt16LE(i + 26), extra = buffer.readUInt16LE(i + 28);
    assertEqual(method, 0, 'stored without compression');
    const name = buffer.toString('utf8', i + 30, i + 30 + nameLength);
    const start = i + 30 + nameLength + extra;
    files[name] = buffer.subarray(start, start + size);
    i = start + size;
  }
  return files;
}

async function widget(page, name) {
  const handle = await page.waitForFunction((n) => window.qfq.status().widgets[n], name, { timeout: 8000 });
  return handle.jsonValue();
}
// Scrolls the editor's window (mouse wheel over it, as a person would) until the widget `name`
// is inside it; widgets elsewhere are left as they are.
async function scrollIntoView(page, name) {
  for (let i = 0; i < 40; ++i) {
    const w = await widget(page, name);
    const win = (await status(page)).widgets['edit-window'];
    if (!name.startsWith('edit-') || !win || (w[1] >= win[1] + 30 && w[3] <= win[3] - 4)) return w;
    await page.mouse.move((win[0] + win[2]) / 2, (win[1] + win[3]) / 2);
    await page.mouse.wheel(0, w[3] > win[3] - 4 ? 100 : -100);
    await frames(page, 3);
  }
  throw new Error(`${name}: not scrolled into the editor's window`);
}
// Hover first, then press and release in separate frames, as a person's click is.
async function click(page, name, { scroll = true } = {}) {
  await frames(page, 2);
  const r = scroll ? await scrollIntoView(page, name) : await widget(page, name);
  await page.mouse.move((r[0] + r[2]) / 2, (r[1] + r[3]) / 2);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 1);
  await page.mouse.up();
  await frames(page, 2);
}
// Types into a field; Dear ImGui takes the characters over several frames, so this waits until
// the field (status().edit.fields) holds what was typed.
async function type(page, name, text, expect = text) {
  await click(page, name);
  await page.waitForFunction(() => window.qfq.status().textInput, null, { timeout: 5000 });
  await page.keyboard.type(text);
  const reached = await page.waitForFunction(([n, t]) => (window.qfq.status().edit.fields[n] || '').includes(t),
                                            [name, expect], { timeout: 30000 }).then(() => true, () => false);
  if (!reached) {
    const st = await status(page);
    throw new Error(`${name}: typed "${text}", the field holds "${st.edit.fields[name]}" (text input: ${st.textInput})`);
  }
  await frames(page, 2);
}
// Opens a combo and picks an item (a popup opens a few frames after the press; a press that
// lands while the form's layout moves is tried again).
async function choose(page, combo, item) {
  const name = `${combo}-${item}`;
  for (let attempt = 0; attempt < 3; ++attempt) {
    await click(page, combo);
    const open = await page.waitForFunction((n) => window.qfq.status().widgets[n], name, { timeout: 3000 })
      .then(() => true, () => false);
    if (open) return click(page, name, { scroll: false });  // in the combo's popup, not the window
  }
  throw new Error(`${combo}: no item ${item}`);
}
const edit = (page) => page.evaluate(() => window.qfq.status().edit);
// Waits for the change a button made; when none comes, says why (the editor's refusal, the form's
// problems) and keeps a screenshot.
async function waitRevision(page, before) {
  const changed = await page.waitForFunction((r) => window.qfq.status().edit.revision > r, before, { timeout: 8000 })
    .then(() => true, () => false);
  if (!changed) {
    const e = await edit(page);
    await shot(page, 'editor-no-change');
    throw new Error(`no change (revision ${e.revision}): error "${e.error}", form ${e.form}, problems ${JSON.stringify(e.problems)}`);
  }
}
async function download(page, button, suffix) {
  await page.evaluate(() => { window.qfq.lastDownload = null; });
  await click(page, button);
  await page.waitForFunction((s) => window.qfq.lastDownload && window.qfq.lastDownload.name.endsWith(s), suffix, { timeout: 20000 });
  const base64 = await page.evaluate(() => {
    const b = window.qfq.lastDownload.bytes;
    let s = '';
    for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
    return btoa(s);
  });
  return Buffer.from(base64, 'base64');
}
// The layout and its transition have finished: actors stay where `project` says.
async function settle(page) {
  await page.waitForFunction(() => window.qfq.status().ready, null, { timeout: 15000 });
  await frames(page, 40);
}
// Moves the camera so that the actors `ids` are on the right of the screen, clear of the
// editor's window (on the left), and returns where each is drawn.
async function placeRight(page, ids) {
  await settle(page);
  const st = await status(page);
  const cam = st.camera;
  const at = [];
  for (const id of ids) at.push(await command(page, { cmd: 'project', id }));
  const xs = at.map((p) => p.x), ys = at.map((p) => p.y);
  const dx = Math.max(...xs) - Math.min(...xs), dy = Math.max(...ys) - Math.min(...ys);
  const zoom = cam.zoom * Math.min(1, 600 / Math.max(dx, 1), 500 / Math.max(dy, 1));
  const wx = cam.x + ((Math.max(...xs) + Math.min(...xs)) / 2 - st.width / 2) / cam.zoom;
  const wy = cam.y + ((Math.max(...ys) + Math.min(...ys)) / 2 - st.height / 2) / cam.zoom;
  await command(page, { cmd: 'camera', x: wx - (st.width * 0.7 - st.width / 2) / zoom, y: wy, zoom });
  await frames(page, 3);
  const out = [];
  for (const id of ids) out.push(await command(page, { cmd: 'project', id }));
  for (const p of out) assert(p.x > 450 && p.x < st.width - 10 && p.y > 80 && p.y < st.height - 10, `on screen: ${JSON.stringify(p)}`);
  return out;
}
// The sections of a resolved map that a territory writes.
function sections(file, cwd) {
  const map = JSON.parse(execFileSync(qfq, ['resolve', file], { cwd, encoding: 'utf8' }));
  return JSON.stringify(['actors', 'relations', 'territories', 'glossary', 'tours'].map((k) => map[k] || []));
}

async function addActor(page, { id, name, acronym }) {
  const before = (await edit(page)).revision;
  await type(page, 'edit-actor-id', id);
  await type(page, 'edit-actor-acronym', acronym);
  await type(page, 'edit-actor-name', name);
  await choose(page, 'edit-actor-level', 'circonscription');
  await choose(page, 'edit-actor-kind', 'service-deconcentre');
  await choose(page, 'edit-actor-territory', 'circ-22-lannion');
  await type(page, 'edit-actor-source', `https://example.org/${id}`);
  await click(page, 'edit-actor-add');
  await waitRevision(page, before);
}

for (const renderer of ['webgl2', 'webgpu']) {
  test(`editor (${renderer}): a territory built through the UI, undone, redone, kept, saved, valid, round-tripped, published`, async (env) => {
    const page = await openApp(env, { renderer, query: 'map=national' });
    await page.evaluate(() => localStorage.removeItem('qfq-edit'));
    try {
      // "Modifier" on the national map: a new, empty overlay of it.
      if (!(await status(page)).widgets.edit) await click(page, 'menu');  // at 1280 px, in "Menu ▾"
      await click(page, 'edit');
      await page.waitForFunction(() => window.qfq.status().edit.active, null, { timeout: 8000 });
      let e = await edit(page);
      assertEqual(e.undo, 0, 'empty history');
      const baseActors = (await status(page)).actors;

      // A territory: the département the actors work in.
      await click(page, 'edit-tab-territory');
      let before = (await edit(page)).revision;
      await type(page, 'edit-ter-id', 'circ-22-lannion');
      await type(page, 'edit-ter-name', 'Circonscription de Lannion');
      await choose(page, 'edit-ter-level', 'circonscription');
      await type(page, 'edit-ter-parent', 'dep-22');
      await click(page, 'edit-ter-add');
      await waitRevision(page, before);

      // Three actors through the form; a bad level is refused live, at the field.
      await click(page, 'edit-tab-actor');
      await addActor(page, { id: 'dsden-22', acronym: 'DSDEN 22', name: "DSDEN des Cotes-d'Armor" });
      await addActor(page, { id: 'erun-22', acronym: 'ERUN 22', name: 'ERUN du 22' });
      await addActor(page, { id: 'canope-22', acronym: 'Canope 22', name: 'Atelier Canope 22' });
      let s = await status(page);
      assertEqual(s.actors, baseActors + 3, 'three actors added and on the map');
      assertEqual(s.errors.length, 0, `no errors: ${s.errors}`);

      // A relation drawn on the map: the "Relier" tool, drag from the IA-DASEN to the DSDEN 22.
      await click(page, 'edit-tool-relation');
      assert((await edit(page)).relationTool, 'link tool on');
      const [a, b] = await placeRight(page, ['ia-dasen', 'dsden-22']);
      before = (await edit(page)).revision;
      await page.mouse.move(a.x, a.y);
      await frames(page, 2);
      await page.mouse.down();
      await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
      await page.mouse.move(b.x, b.y, { steps: 4 });
      await frames(page, 2);
      await page.mouse.up();
      await waitRevision(page, before);
      await click(page, 'edit-tool-relation');  // off again

      // Placed by dragging: the position goes into the document.
      const [c] = await placeRight(page, ['canope-22']);
      before = (await edit(page)).revision;
      await page.mouse.move(c.x, c.y);
      await frames(page, 2);
      await page.mouse.down();
      await page.mouse.move(c.x + 40, c.y + 25, { steps: 5 });
      await frames(page, 2);
      await page.mouse.up();
      await waitRevision(page, before);
      const placed = (await command(page, { cmd: 'edit.state' })).document.actors.find((x) => x.id === 'canope-22');
      assert(placed.position && Number.isFinite(placed.position.x), `dragged actor pinned: ${JSON.stringify(placed.position)}`);

      // A second relation through the form (kind chosen in the list).
      await click(page, 'edit-tab-relation');
      before = (await edit(page)).revision;
      await page.evaluate(() => window.qfq.command({ cmd: 'select', id: null }));
      await type(page, 'edit-rel-from', 'dsden-22');
      await type(page, 'edit-rel-to', 'erun-22');
      await choose(page, 'edit-rel-kind', 'coordinates');
      await click(page, 'edit-rel-add');
      await waitRevision(page, before);
      s = await status(page);
      assert(s.relations >= 2, 'relations on the map');

      // A glossary entry and a tour step.
      await click(page, 'edit-tab-glossary');
      before = (await edit(page)).revision;
      await type(page, 'edit-glo-term', 'PDN');
      await type(page, 'edit-glo-expansion', 'Plan departemental du numerique');
      await type(page, 'edit-glo-definition', 'Le plan numerique du departement.');
      await click(page, 'edit-glo-add');
      await waitRevision(page, before);
      await click(page, 'edit-tab-tour');
      before = (await edit(page)).revision;
      await type(page, 'edit-tour-id', 'decouvrir-22');
      await type(page, 'edit-tour-title', 'Decouvrir le 22');
      await type(page, 'edit-step-title', 'La DSDEN');
      await type(page, 'edit-step-text', 'Elle pilote le numerique du departement.');
      await type(page, 'edit-step-focus', 'dsden-22, erun-22', 'erun-22');
      await click(page, 'edit-step-add');
      await waitRevision(page, before);
      let changes = (await command(page, { cmd: 'edit.changes' })).changes;
      assertEqual(JSON.stringify(changes.added.actors), '["dsden-22","erun-22","canope-22"]', 'actors added');
      assertEqual(changes.added.relations.length, 2, 'two relations');
      assertEqual(JSON.stringify(changes.added.tours), '["decouvrir-22"]', 'tour added');

      // Undo (button) and redo (Ctrl+Shift+Z): the tour step goes and comes back.
      e = await edit(page);
      await click(page, 'edit-undo');
      await page.waitForFunction((r) => window.qfq.status().edit.redo === 1, null, { timeout: 5000 });
      changes = (await command(page, { cmd: 'edit.changes' })).changes;
      assertEqual(changes.added.tours.length, 0, 'undo removed the tour step');
      await page.keyboard.press('Control+Shift+Z');
      await page.waitForFunction(() => window.qfq.status().edit.redo === 0, null, { timeout: 5000 });
      changes = (await command(page, { cmd: 'edit.changes' })).changes;
      assertEqual(changes.added.tours.length, 1, 'redo brought it back');
      await page.keyboard.press('Control+z');
      await page.waitForFunction(() => window.qfq.status().edit.redo === 1, null, { timeout: 5000 });
      await page.keyboard.press('Control+y');
      await page.waitForFunction(() => window.qfq.status().edit.redo === 0, null, { timeout: 5000 });
      // The browser's own undo of the page's text field did not re-insert typed text anywhere.
      assertEqual((await status(page)).searchText, '', 'the search box stays empty');

      // The "what my territory changes" view lists the three additions.
      await click(page, 'edit-tab-changes');
      s = await status(page);
      assert(Object.keys(s.widgets).some((w) => /^edit-changes-added-(\d+)$/.test(w) && Number(w.split('-').pop()) >= 8),
             `changes view counts the additions: ${Object.keys(s.widgets).filter((w) => w.startsWith('edit-changes'))}`);
      await shot(page, `editor-${renderer}`);

      // Reload: the work is there (kept by the browser), on ?edit=1.
      const revisionBefore = (await edit(page)).revision;
      await page.goto(`${env.url}?map=national&edit=1&renderer=${renderer}`);
      await waitReady(page);
      await page.waitForFunction(() => window.qfq.status().edit.active, null, { timeout: 10000 });
      changes = (await command(page, { cmd: 'edit.changes' })).changes;
      assertEqual(JSON.stringify(changes.added.actors), '["dsden-22","erun-22","canope-22"]', 'actors found after reload');
      assertEqual(changes.added.glossary[0], 'PDN', 'glossary found after reload');
      assert((await edit(page)).revision > 0 && revisionBefore > 0, 'revision counts');

      // Save: the file passes qfq validate (extends "national" resolved by the tool's catalogue).
      // Under build/ rather than /tmp: an index.json another program left in /tmp would be found
      // by qfq's walk up from the file.
      mkdirSync(join(root, 'build/test-tmp'), { recursive: true });
      const dir = mkdtempSync(join(root, 'build/test-tmp/editor-'));
      const json = await download(page, 'edit-save-json', '.json');
      const saved = join(dir, 'mon-territoire.json');
      writeFileSync(saved, json);
      const validate = execFileSync(qfq, ['validate', saved], { cwd: dir, encoding: 'utf8' });
      assert(/valide/.test(validate), `qfq validate: ${validate}`);
      const doc = JSON.parse(json.toString('utf8'));
      assertEqual(doc.extends, 'national', 'an overlay of the national map');
      assertEqual(doc.actors.length, 3, 'three actors in the file');

      // The CSV set (a ZIP of five sheets) imports back to the same map.
      const zip = unzipStored(await download(page, 'edit-save-csv', '.zip'));
      for (const sheet of ['actors.csv', 'relations.csv', 'territories.csv', 'glossary.csv', 'tours.csv'])
        assert(zip[sheet], `${sheet} in the CSV set`);
      const sheets = join(dir, 'tableur');
      mkdirSync(sheets);
      for (const [name, bytes] of Object.entries(zip)) writeFileSync(join(sheets, name), bytes);
      execFileSync(qfq, ['import-csv', sheets, '--extends', 'national', '--id', 'mon-territoire', '-o', join(dir, 'back.json')], { cwd: dir });
      assertEqual(sections(join(dir, 'back.json'), dir), sections(saved, dir), 'map → CSV set → map unchanged');

      // Publier: a ready-to-host site, as qfq publish writes it.
      const site = unzipStored(await download(page, 'edit-publish', '-site.zip'));
      for (const f of ['index.html', 'app.js', 'qfq.wasm', 'data/index.json', 'data/mon-territoire.json', 'data/national.json',
        'glossary/mon-territoire.html', 'glossary/mon-territoire.en.html'])
        assert(site[f], `${f} in the published site (${Object.keys(site).length} files)`);
      const catalogue = JSON.parse(site['data/index.json'].toString('utf8'));
      assertEqual(catalogue.default, 'mon-territoire', 'the territory opens by default');
      assert(/PDN/.test(site['glossary/mon-territoire.html'].toString('utf8')), 'glossary page lists the new term');
      assertEqual(page.qfqConsoleErrors.length, 0, `console errors: ${page.qfqConsoleErrors.join(' | ')}`);
    } finally {
      await page.evaluate(() => { try { window.qfq.command({ cmd: 'edit.stop' }); localStorage.removeItem('qfq-edit'); } catch (e) { /* page gone */ } }).catch(() => {});
      await page.close();
    }
  });
}

test('?map=ID not in the catalogue says so, and the map switcher still opens a map', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2', query: 'map=bretagne', waitReady: false });
  try {
    await page.waitForSelector('#qfq-notice:not([hidden])', { timeout: 20000 });
    const text = await page.locator('#qfq-notice').textContent();
    assert(/« bretagne » n’est pas dans le catalogue/.test(text) && /national/.test(text), `notice: ${text}`);
    assert((await status(page)).errors.some((e) => /bretagne/.test(e) && /catalogue/.test(e)), 'error listed');
    await choose(page, 'map', 'national');
    await page.waitForFunction(() => window.qfq.status().ready && window.qfq.status().map === 'national', null, { timeout: 20000 });
  } finally {
    await page.close();
  }
});

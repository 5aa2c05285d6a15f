// input.test.mjs — input for French users and a frame loop that survives, with each
// renderer: the AZERTY "0" (Shift released first) fits the map twice in a row; a blur
// releases held keys; Esc then Tab leaves the canvas; paste, inserted text ("école") and
// AltGr characters reach the search on a phone-sized page; with history.replaceState
// throwing the map loads, pans, zooms and draws; nothing is drawn while idle; dropped
// files reach C++ as bytes (a Windows-1252 CSV pair keeps "Éducation", invalid UTF-8 in
// JSON is reported at line:col and the map stays).
import { test, assert, assertEqual, openApp, status, command, frames, shot } from './harness.mjs';

// Synthetic key events on the canvas, with the exact key/code pairs an AZERTY keyboard
// sends (Playwright's keyboard only knows the US layout).
async function keys(page, list) {
  await page.evaluate((l) => {
    const c = document.getElementById('qfq-canvas');
    for (const [type, key, code, mods] of l)
      c.dispatchEvent(new KeyboardEvent(type, { key, code, bubbles: true, cancelable: true, ...(mods || {}) }));
  }, list);
}
const azertyZero = [
  ['keydown', 'Shift', 'ShiftLeft', { shiftKey: true }],
  ['keydown', '0', 'Digit0', { shiftKey: true }],
  ['keyup', 'Shift', 'ShiftLeft', {}],
  ['keyup', 'à', 'Digit0', {}],
];
async function widget(page, name) {
  await frames(page, 3);
  const h = await page.waitForFunction((n) => window.qfq.status().widgets[n], name, { timeout: 5000 });
  return h.jsonValue();
}
async function click(page, name) {
  const [x0, y0, x1, y1] = await widget(page, name);
  await page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
}
const cameraIs = (page, cam, tol = 0.02) => page.waitForFunction(([c, t]) => {
  const s = window.qfq.status();
  return Math.abs(s.camera.zoom - c.zoom) / c.zoom < t && Math.abs(s.camera.x - c.x) < 2;
}, [cam, tol], { timeout: 5000 });

// A map file's bytes, as Excel writes "CSV (séparateur : point-virgule)": Windows-1252,
// CRLF, ’ as 0x92.
function windows1252(s) { return Array.from(Buffer.from(s.replace(/’/g, '\x92'), 'latin1')); }
const actorsCsv = windows1252(
  'id;acronym;name_fr;name_en;level;kind;territory;description_fr;description_en;missions_fr;missions_en;topics;url;sources;confidence\r\n'
  + 'dsden-test;DSDEN-T;Direction des services départementaux de l’Éducation nationale (test);Departmental services (test);'
  + 'departement;service-deconcentre;;Service de l’Éducation nationale dans un département, créé pour ce test.;Test.;;;;;'
  + 'https://www.education.gouv.fr/les-services-departementaux-de-l-education-nationale|2026-12-01;unsure\r\n');
const relationsCsv = windows1252(
  'id;from;to;kind;directed;description_fr;description_en;sources;confidence\r\n'
  + ';ia-dasen;dsden-test;steers;true;L’IA-DASEN dirige les services de l’Éducation.;The IA-DASEN heads them.;;unsure\r\n');

async function drop(page, files) {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
    document.getElementById('qfq-canvas').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

for (const renderer of ['webgpu', 'webgl2']) {
  test(`${renderer}: AZERTY "0" (Shift released before the key) fits the map twice in a row; blur releases held keys`, async (env) => {
    const page = await openApp(env, { renderer });
    await page.locator('#qfq-canvas').focus();
    const fitted = (await status(page)).camera;
    for (let round = 1; round <= 2; ++round) {
      await command(page, { cmd: 'camera', x: fitted.x + 300, y: fitted.y + 50, zoom: fitted.zoom * 2.5 });
      await frames(page, 2);
      await keys(page, azertyZero);
      await cameraIs(page, fitted).catch(() => {});
      const c = (await status(page)).camera;
      assert(Math.abs(c.zoom - fitted.zoom) / fitted.zoom < 0.02, `round ${round}: "0" fits again (${c.zoom} vs ${fitted.zoom})`);
      assertEqual((await status(page)).keysDown, 0, `round ${round}: no key left down`);
    }
    // A key held when the window loses the focus (Alt+Tab) is released: it neither stays
    // down nor repeats.
    await page.keyboard.down('ArrowRight');
    await page.waitForFunction(() => window.qfq.status().keysDown > 0, null, { timeout: 5000 });
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await page.waitForFunction(() => window.qfq.status().keysDown === 0, null, { timeout: 5000 });
    await frames(page, 3);
    const a = (await status(page)).camera;
    await frames(page, 10);
    const b = (await status(page)).camera;
    assertEqual(b.x, a.x, 'the released arrow no longer pans the map');
    await page.keyboard.up('ArrowRight');
    // Same for a page hidden (another tab).
    await page.keyboard.down('ArrowLeft');
    await page.waitForFunction(() => window.qfq.status().keysDown > 0, null, { timeout: 5000 });
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForFunction(() => window.qfq.status().keysDown === 0, null, { timeout: 5000 });
    await page.keyboard.up('ArrowLeft');
  });

  test(`${renderer}: Tab moves between actors; Esc then Tab leaves the canvas (no keyboard trap)`, async (env) => {
    const page = await openApp(env, { renderer });
    await page.locator('#qfq-canvas').focus();
    await page.keyboard.press('Tab');
    await frames(page, 2);
    assert((await status(page)).selected !== '', 'Tab on the map selects an actor');
    assert(await page.evaluate(() => document.activeElement.id === 'qfq-canvas'), 'and keeps the focus on the map');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert(await page.evaluate(() => document.activeElement.id !== 'qfq-canvas'), 'Esc then Tab leaves the canvas');
    await page.locator('#qfq-canvas').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+Tab');
    assertEqual(await page.evaluate(() => document.activeElement.id), 'qfq-view-toggle', 'Esc then Shift+Tab reaches the text view toggle');
    assert(await page.evaluate(() => getComputedStyle(document.activeElement).top !== '-100px'), 'the toggle is visible once focused');
    await shot(page, `input-${renderer}-toggle-focused`);
  });

  test(`${renderer}: phone-sized page: inserted text ("école"), AltGr and system paste reach the search`, async (env) => {
    await env.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await openApp(env, { renderer, viewport: { width: 390, height: 844 } });
    await click(page, 'search');
    await page.waitForFunction(() => window.qfq.status().textInputFocused && window.qfq.status().textInput, null, { timeout: 5000 });
    // What phone keyboards, dictation and IMEs send: inserted text, no key events.
    await page.keyboard.insertText('école');
    await page.waitForFunction(() => window.qfq.status().searchText === 'école', null, { timeout: 5000 }).catch(() => {});
    assertEqual((await status(page)).searchText, 'école', 'inserted text arrives intact');
    // A composition (IME): nothing until it ends, then the composed text.
    await page.evaluate(() => {
      const f = document.getElementById('qfq-text-input');
      f.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
      f.value = 'ê';
      f.dispatchEvent(new InputEvent('input', { data: 'ê', inputType: 'insertCompositionText', isComposing: true }));
      f.dispatchEvent(new CompositionEvent('compositionend', { data: 'ê' }));
    });
    await page.waitForFunction(() => window.qfq.status().searchText === 'écoleê', null, { timeout: 5000 }).catch(() => {});
    assertEqual((await status(page)).searchText, 'écoleê', 'composed text arrives once');
    // Phone keyboards' Backspace comes as beforeinput deleteContentBackward.
    await page.evaluate(() => {
      const f = document.getElementById('qfq-text-input');
      f.dispatchEvent(new InputEvent('beforeinput', { inputType: 'deleteContentBackward', cancelable: true }));
    });
    await page.waitForFunction(() => window.qfq.status().searchText === 'école', null, { timeout: 5000 }).catch(() => {});
    assertEqual((await status(page)).searchText, 'école', 'a phone Backspace deletes one character');
    // System paste: Ctrl+V is not swallowed, the browser's paste event brings the text.
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.waitForFunction(() => window.qfq.status().searchText === '', null, { timeout: 5000 });
    await page.evaluate(() => navigator.clipboard.writeText('drane'));
    await page.evaluate(() => {
      window.qfqCtrlV = null;  // registered after the app's listener: sees its decision
      window.addEventListener('keydown', (e) => { if (e.ctrlKey && e.key.toLowerCase() === 'v') window.qfqCtrlV = e.defaultPrevented; });
    });
    await page.keyboard.press('Control+V');
    assertEqual(await page.evaluate(() => window.qfqCtrlV), false, 'the Ctrl+V keydown is left to the browser');
    await page.waitForFunction(() => window.qfq.status().searchText === 'drane', null, { timeout: 5000 }).catch(() => {});
    assertEqual((await status(page)).searchText, 'drane', 'Ctrl+V pastes the system clipboard');
    await widget(page, 'hit-0');
    await shot(page, `input-${renderer}-phone-paste`);
    // AltGr characters (AZERTY AltGr+à = @) typed on the map start a search with them.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !window.qfq.status().textInput, null, { timeout: 5000 });
    await page.keyboard.press('Escape');
    await keys(page, [['keydown', '@', 'Digit0', { ctrlKey: true, altKey: true }], ['keyup', '@', 'Digit0', {}]]);
    await page.waitForFunction(() => window.qfq.status().searchText === '@', null, { timeout: 5000 }).catch(() => {});
    assertEqual((await status(page)).searchText, '@', 'AltGr+à types "@"');
  });

  test(`${renderer}: with history.replaceState throwing, the map loads, pans, zooms and draws`, async (env) => {
    const initScript = () => {
      const refuse = () => { throw new DOMException('Attempt to use history.replaceState() more than 100 times per 30 seconds', 'SecurityError'); };
      history.replaceState = refuse;
      history.pushState = refuse;
    };
    const page = await openApp(env, { renderer, initScript });
    const s0 = await status(page);
    assert(s0.ready && s0.nodes > 50, `the map loads (${s0.nodes} actors drawn)`);
    const before = s0.camera;
    await page.mouse.move(640, 620);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((z) => window.qfq.status().camera.zoom > z * 1.3, before.zoom, { timeout: 5000 });
    await page.mouse.move(1200, 770);
    await page.mouse.down();
    await page.mouse.move(1100, 720, { steps: 5 });
    await page.mouse.up();
    await frames(page, 3);
    const after = (await status(page)).camera;
    assert(Math.abs(after.x - before.x) > 1, `the drag pans (${before.x} → ${after.x})`);
    // The address update failed after the camera stopped (debounced), was reported, and
    // the loop goes on drawing.
    await page.waitForFunction(() => window.qfq.status().errors.some((e) => /history/.test(e)), null, { timeout: 5000 });
    const n = (await status(page)).framesDrawn;
    await page.mouse.wheel(0, 200);
    await page.waitForFunction((k) => window.qfq.status().framesDrawn > k, n, { timeout: 5000 });
    const notice = await page.locator('#qfq-notice').textContent();
    assert(/erreur|error/i.test(notice), `the failure is shown as a notice: ${notice}`);
    await shot(page, `input-${renderer}-history-throws`);
  });

  test(`${renderer}: nothing is drawn while idle; input draws again`, async (env) => {
    const page = await openApp(env, { renderer });
    await page.waitForFunction(() => window.qfq.status().idleMs > 0, null, { timeout: 10000 });
    const n0 = (await status(page)).framesDrawn;
    // Idle for 2 s: a bounded wait on the page's own clock, frame by frame.
    const ticks = await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      let k = 0;
      const tick = () => { ++k; if (performance.now() - t0 >= 2000) resolve(k); else requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    }));
    const n1 = (await status(page)).framesDrawn;
    assert(ticks > 10, `the page's animation frames kept coming (${ticks})`);
    assertEqual(n1 - n0, 0, 'frames drawn in 2 s idle');
    await page.mouse.move(600, 400);
    await page.mouse.move(640, 420);
    await page.waitForFunction((k) => window.qfq.status().framesDrawn > k, n1, { timeout: 5000 });
    const n2 = (await status(page)).framesDrawn;
    assert(n2 > n1, `hovering draws (${n2 - n1} frames)`);
    await page.waitForFunction(() => window.qfq.status().idleMs > 0, null, { timeout: 5000 });
  });

  test(`${renderer}: dropped files reach C++ as bytes: a Windows-1252 CSV pair keeps "Éducation"; invalid UTF-8 JSON is reported at line:col`, async (env) => {
    const page = await openApp(env, { renderer });
    const actors = (await status(page)).actors;
    await drop(page, [{ name: 'actors.csv', type: 'text/csv', bytes: actorsCsv }, { name: 'relations.csv', type: 'text/csv', bytes: relationsCsv }]);
    await page.waitForFunction((n) => window.qfq.status().actors === n + 1, actors, { timeout: 10000 });
    await command(page, { cmd: 'select', id: 'dsden-test', fly: false });
    await frames(page, 3);
    const card = (await status(page)).card.join('\n');
    assert(/Direction des services départementaux de l’Éducation nationale \(test\)/.test(card), `accents intact in the card:\n${card}`);
    assert(!/\uFFFD/.test(card), 'no replacement character');
    // Invalid UTF-8 (a Latin-1 "é") in a JSON map: refused, with its place.
    const bad = Array.from(Buffer.concat([Buffer.from('{\n  "schema": "qfq-map/1",\n  "id": "caf'), Buffer.from([0xe9]), Buffer.from('",\n  "title": "x"\n}\n')]));
    await drop(page, [{ name: 'latin1.json', type: 'application/json', bytes: bad }]);
    await page.waitForFunction(() => window.qfq.status().errors.some((e) => /latin1\.json/.test(e)), null, { timeout: 10000 });
    const s = await status(page);
    const err = s.errors.find((e) => /latin1\.json/.test(e));
    assert(/latin1\.json:3:\d+/.test(err) && /UTF-8/.test(err), `error names line:col and UTF-8: ${err}`);
    assertEqual(s.actors, actors + 1, 'the map on screen stays');
    assert(s.nodes > 50, 'and is still drawn');
    await shot(page, `input-${renderer}-dropped`);
  });
}

// input.test.mjs — input for French users and a frame loop that survives, with each
// renderer: the AZERTY "0" (Shift released first) fits the map twice in a row; a blur
// releases held keys; Esc then Tab leaves the canvas; paste, inserted text ("école") and
// AltGr characters reach the search on a phone-sized page; with history.replaceState
// throwing the map loads, pans, zooms and draws. (Idle frames and dropped bytes:
// frame.test.mjs.)
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

for (const renderer of ['webgpu', 'webgl2']) {
  test(`${renderer}: AZERTY "0" fits twice; blur releases keys; Esc then Tab leaves the canvas`, async (env) => {
    const page = await openApp(env, { renderer });
    await page.locator('#qfq-canvas').focus();

    // AZERTY: Shift down, "0" (code Digit0), Shift up, key-up "à" (code Digit0).
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
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));

    // Tab stays on the map (actor to actor); Esc then Tab leaves it, either way.
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
    assert(await page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0), 'the toggle is visible once focused');
    await shot(page, `input-${renderer}-toggle-focused`);
    await page.locator('#qfq-canvas').focus();

  });

  test(`${renderer}: phone-sized page with history.replaceState throwing: loads, pans, zooms, draws; inserted text ("école"), composition, paste and AltGr reach the search`, async (env) => {
    await env.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const initScript = () => {
      const refuse = () => { throw new DOMException('Attempt to use history.replaceState() more than 100 times per 30 seconds', 'SecurityError'); };
      history.replaceState = refuse;
      history.pushState = refuse;
    };
    const page = await openApp(env, { renderer, viewport: { width: 390, height: 844 }, initScript });
    const s0 = await status(page);
    assert(s0.ready && s0.nodes > 50, `the map loads (${s0.nodes} actors drawn)`);
    const before = s0.camera;
    await page.mouse.move(200, 600);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction((z) => window.qfq.status().camera.zoom > z * 1.3, before.zoom, { timeout: 5000 });
    await page.mouse.move(300, 700);
    await page.mouse.down();
    await page.mouse.move(200, 650, { steps: 5 });
    await page.mouse.up();
    await frames(page, 3);
    const after = (await status(page)).camera;
    assert(Math.abs(after.x - before.x) > 1, `the drag pans (${before.x} → ${after.x})`);
    // The address update failed once the camera stopped (debounced), was reported, and the
    // loop goes on drawing.
    await page.waitForFunction(() => window.qfq.status().errors.some((e) => /history/.test(e)), null, { timeout: 5000 });
    const notice = await page.locator('#qfq-notice').textContent();
    assert(/erreur|error/i.test(notice), `the failure is shown as a notice: ${notice}`);
    const n = (await status(page)).framesDrawn;
    await page.mouse.wheel(0, 200);
    await page.waitForFunction((k) => window.qfq.status().framesDrawn > k, n, { timeout: 5000 });
    await shot(page, `input-${renderer}-history-throws`);
    await command(page, { cmd: 'fit' });

    await click(page, 'search');
    await page.waitForFunction(() => window.qfq.status().textInputFocused && window.qfq.status().textInput, null, { timeout: 5000 });
    // What phone keyboards, dictation and IMEs send: inserted text, no key events.
    await page.keyboard.insertText('école');
    await page.waitForFunction(() => window.qfq.status().searchText === 'école', null, { timeout: 5000 }).catch(() => {});
    assertEqual((await status(page)).searchText, 'école', 'inserted text arrives intact');
    // A composition (IME): nothing until it ends, then the composed text, once.
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
    // System paste: Ctrl+V is left to the browser, whose paste event brings the text.
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
    // AltGr characters (AZERTY AltGr+à = @), typed on the map, start a search with them.
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !window.qfq.status().textInput, null, { timeout: 5000 });
    await page.keyboard.press('Escape');
    await keys(page, [['keydown', '@', 'Digit0', { ctrlKey: true, altKey: true }], ['keyup', '@', 'Digit0', {}]]);
    await page.waitForFunction(() => window.qfq.status().searchText === '@', null, { timeout: 5000 }).catch(() => {});
    assertEqual((await status(page)).searchText, '@', 'AltGr+à types "@"');
  });
}

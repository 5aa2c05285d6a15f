// a11y.test.mjs — accessibility, with each renderer: axe-core (wcag2a, wcag2aa, wcag21a,
// wcag21aa) finds 0 violations on the app page and on its text view (`?view=text`); the
// text view lists every actor under its level's heading with its card's contents, its
// relations as in-page links and its sources, and the glossary. (What the text view does:
// textview.test.mjs.)
import { axe } from './axe.mjs';
import { test, assert, assertEqual, openApp, status, command, frames, shot } from './harness.mjs';

for (const renderer of ['webgpu', 'webgl2']) {
  // One page per renderer (opening the app is what takes the time): the text view first,
  // as ?view=text opens it, then the map page it comes back to.
  test(`${renderer}: ?view=text lists every actor by level with its card; axe-core finds 0 violations there and on the app page`, async (env) => {
    const page = await openApp(env, { renderer, query: 'view=text' });
    await page.waitForFunction(() => window.qfq.status().textView, null, { timeout: 5000 });
    const s = await status(page);
    const view = await page.evaluate(() => {
      const root = document.getElementById('qfq-text');
      return {
        visible: !root.hidden && document.getElementById('qfq-map-view').hidden,
        h1: [...document.querySelectorAll('h1')].filter((h) => h.getClientRects().length).length,
        levels: [...root.querySelectorAll('#tv-h-actors ~ section h3')].map((h) => h.textContent),
        articles: [...root.querySelectorAll('article[data-actor]')].map((a) => a.dataset.actor),
        glossary: root.querySelectorAll('dl dt').length,
        canvasShown: document.getElementById('qfq-canvas').getClientRects().length > 0,
      };
    });
    assert(view.visible && !view.canvasShown, 'the text view replaces the canvas');
    assertEqual(view.h1, 1, 'one visible h1');
    assertEqual(view.articles.length, s.actors, 'every actor is listed');
    assert(view.levels.length >= 4 && view.levels.some((l) => /Académie/.test(l)), `a heading per level: ${view.levels.join(' | ')}`);
    assert(view.glossary >= 60, `the glossary lists the acronyms (${view.glossary})`);
    // The ERUN's card contents.
    const erun = await page.evaluate(() => {
      const a = document.querySelector('article[data-actor="erun"]');
      return { heading: a.querySelector('h4').textContent, text: a.textContent,
               links: [...a.querySelectorAll('a[href^="#actor-"]')].map((l) => l.textContent),
               sources: [...a.querySelectorAll('a[href^="http"]')].length };
    });
    assert(/ERUN — Enseignant référent pour les usages du numérique/.test(erun.heading), `heading: ${erun.heading}`);
    assert(/Missions/.test(erun.text) && /Relations/.test(erun.text) && /Sources/.test(erun.text), 'missions, relations, sources');
    assert(erun.links.some((l) => /^IEN/.test(l)), `relations as in-page links: ${erun.links.join(' | ')}`);
    assert(erun.sources >= 1, 'sources as links');
    let r = await axe(page);
    assert(r.passes >= 10, `axe checked the text view (${r.passes} rules passed)`);
    assertEqual(r.violations.length, 0, `text view violations:\n${r.violations.join('\n')}`);
    await shot(page, `a11y-${renderer}-text-view`);

    // Back to the map (the toggle, as a keyboard user reaches it).
    await page.focus('#qfq-view-toggle');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !window.qfq.status().textView, null, { timeout: 5000 });
    await command(page, { cmd: 'select', id: 'drane', fly: false });
    await frames(page, 3);
    // The app page: canvas with a role and a label in <main>, lang, the live card mirror.
    r = await axe(page);
    assert(r.passes >= 5, `axe checked the app page (${r.passes} rules passed)`);
    assertEqual(r.violations.length, 0, `app page violations:\n${r.violations.join('\n')}`);
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('qfq-canvas');
      return { role: c.getAttribute('role'), label: c.getAttribute('aria-label'), lang: document.documentElement.lang,
               main: !!c.closest('main'), card: document.getElementById('qfq-card').textContent,
               focused: document.activeElement === c };
    });
    assertEqual(canvas.role, 'application', 'canvas role');
    assert(canvas.label && canvas.main && canvas.lang === 'fr', `labelled canvas in <main>, lang fr: ${JSON.stringify(canvas)}`);
    assert(/DRANE/.test(canvas.card), 'the live card mirror speaks of the selection');
    assert(canvas.focused, 'back on the map, the focus is on it');
    await shot(page, `a11y-${renderer}-app`);
  });
}

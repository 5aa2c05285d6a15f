// a11y.test.mjs — accessibility, with each renderer: axe-core (wcag2a, wcag2aa, wcag21a,
// wcag21aa) finds 0 violations on the app page and on its text view (`?view=text`); the
// text view lists every actor under its level's heading with its card's contents and its
// relations as in-page links, searches, answers "whom do I contact?", lists the glossary,
// follows the language and the variant, and shares its selection with the map both ways.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test, assert, assertEqual, openApp, status, command, frames, shot } from './harness.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Runs axe-core in the page (evaluated by the test driver: the page's CSP is not bypassed
// for the app's own scripts) and returns the violations, one line each.
async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((t) => window.axe.run(document, { runOnly: { type: 'tag', values: t } }), tags);
  return {
    passes: result.passes.length,
    violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
  };
}

for (const renderer of ['webgpu', 'webgl2']) {
  test(`${renderer}: axe-core finds 0 violations on the app page (canvas labelled, landmarks, lang)`, async (env) => {
    const page = await openApp(env, { renderer });
    await command(page, { cmd: 'select', id: 'erun', fly: false });
    await frames(page, 3);
    const r = await axe(page);
    assert(r.passes >= 5, `axe checked the page (${r.passes} rules passed)`);
    assertEqual(r.violations.length, 0, `violations:\n${r.violations.join('\n')}`);
    const canvas = await page.evaluate(() => {
      const c = document.getElementById('qfq-canvas');
      return { role: c.getAttribute('role'), label: c.getAttribute('aria-label'), lang: document.documentElement.lang,
               main: !!c.closest('main'), card: document.getElementById('qfq-card').textContent };
    });
    assertEqual(canvas.role, 'application', 'canvas role');
    assert(canvas.label && canvas.main && canvas.lang === 'fr', `labelled canvas in <main>, lang fr: ${JSON.stringify(canvas)}`);
    assert(/ERUN/.test(canvas.card), 'the live card mirror speaks of the selection');
    // The page's language follows the app's.
    await command(page, { cmd: 'lang', lang: 'en' });
    await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 5000 });
  });

  test(`${renderer}: ?view=text lists every actor by level with its card, passes axe-core, and shares the selection with the map`, async (env) => {
    const page = await openApp(env, { renderer, query: 'view=text' });
    await page.waitForFunction(() => window.qfq.status().textView, null, { timeout: 5000 });
    const s = await status(page);
    const view = await page.evaluate(() => {
      const root = document.getElementById('qfq-text');
      return {
        visible: !root.hidden && document.getElementById('qfq-map-view').hidden,
        h1: root.querySelectorAll('h1').length,
        levels: [...root.querySelectorAll('#tv-h-actors ~ section h3')].map((h) => h.textContent),
        articles: [...root.querySelectorAll('article[data-actor]')].map((a) => a.dataset.actor),
        glossary: root.querySelectorAll('dl dt').length,
        canvasShown: document.getElementById('qfq-canvas').getClientRects().length > 0,
      };
    });
    assert(view.visible && !view.canvasShown, 'the text view replaces the canvas');
    assertEqual(view.h1, 1, 'one h1');
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
    assertEqual(r.violations.length, 0, `violations:\n${r.violations.join('\n')}`);
    await shot(page, `a11y-${renderer}-text-view`);

    // Following a relation link selects that actor on the map and moves the focus there.
    await page.locator('article[data-actor="erun"] a[href^="#actor-ien"]').first().click();
    const focused = await page.evaluate(() => document.activeElement.dataset.actor);
    assert(/^ien/.test(focused), `the link moves the focus to the actor (${focused})`);
    assertEqual((await status(page)).selected, focused, 'and selects it on the map');
    assert(!/actor-/.test(await page.evaluate(() => location.hash)), 'the address keeps the map view, not the link');
    // Search from the text view.
    await page.fill('#tv-q', 'drane');
    await page.press('#tv-q', 'Enter');
    await page.waitForFunction(() => document.querySelectorAll('#tv-search-results li').length > 0, null, { timeout: 5000 });
    assert(/DRANE/.test(await page.locator('#tv-search-results').textContent()), 'search results name the DRANE');
    // Whom do I contact?
    const topic = await page.evaluate(() => [...document.querySelectorAll('#tv-topic option')].map((o) => o.value).find((v) => v));
    assert(topic, 'the contact form offers topics');
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
    await page.waitForFunction(() => !window.qfq.status().textView && window.qfq.status().framesDrawn > 0, null, { timeout: 5000 });
    await frames(page, 3);
    const back = await status(page);
    assertEqual(back.selected, 'drane', 'the map shows the text view\'s selection');
    assert(back.cardOpen, 'with its card');
    // A selection on the map is marked in the text view.
    await command(page, { cmd: 'select', id: 'ia-dasen', fly: false });
    await frames(page, 3);
    await page.evaluate(() => window.qfq.textView(true));
    assertEqual(await page.evaluate(() => document.activeElement.dataset.actor), 'ia-dasen', 'the text view opens on the map\'s selection');
    assertEqual(await page.getAttribute('article[data-actor="ia-dasen"] button.tv-select', 'aria-pressed'), 'true', 'marked selected');
    // Language and variant: English text, and an académie's wording.
    await page.click('#tv-lang');
    await page.waitForFunction(() => document.getElementById('qfq-text').lang === 'en', null, { timeout: 5000 });
    assert(/Actors by level/.test(await page.locator('#tv-h-actors').textContent()), 'English headings');
    r = await axe(page);
    assertEqual(r.violations.length, 0, `violations (English):\n${r.violations.join('\n')}`);
  });
}

test('the text view follows a variant (Occitanie, Toulouse) and a map switch', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2', query: 'map=occitanie&view=text' });
  await page.waitForFunction(() => window.qfq.status().textView && window.qfq.status().map === 'occitanie', null, { timeout: 10000 });
  const variants = await page.evaluate(() => [...document.querySelectorAll('#tv-variant-select option')].map((o) => o.value));
  assert(variants.includes('toulouse'), `variants offered: ${variants.join(', ')}`);
  await page.selectOption('#tv-variant-select', 'toulouse');
  assertEqual((await status(page)).variant, 'toulouse', 'the variant applies to the map');
  assert(/Toulouse/.test(await page.locator('#tv-title').textContent()), 'the title names the variant');
  await page.selectOption('#tv-map-select', 'national');
  await page.waitForFunction(() => window.qfq.status().map === 'national' && document.querySelectorAll('article[data-actor]').length === window.qfq.status().actors, null, { timeout: 10000 });
  const r = await axe(page);
  assertEqual(r.violations.length, 0, `violations:\n${r.violations.join('\n')}`);
});

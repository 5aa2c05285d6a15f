// present.test.mjs — the facilitator's and the publisher's views: a guided tour stepped
// through with the keyboard (each step's focus checked in state and pixels), type size,
// chrome hidden; embed mode's minimal chrome; the share button.
import { readFileSync } from 'node:fs';
import { test, assert, assertEqual, openApp, status, command, frames, shot, rgbOf, colourDistance } from './harness.mjs';

const ariege = JSON.parse(readFileSync(new URL('../../data/territories/ariege.json', import.meta.url), 'utf8'));

for (const renderer of ['webgpu', 'webgl2']) {
  test(`${renderer}: a tour is stepped through with the keyboard, each step focusing its actors`, async (env) => {
    const page = await openApp(env, { renderer, query: 'map=ariege&present=1' });
    let s = await status(page);
    assert(s.present, 'facilitator mode');
    assert(!s.widgets.search && !s.widgets.map, 'the usual chrome is hidden');
    const tour = ariege.tours[0];
    const [x0, y0, x1, y1] = s.widgets[`tour-${tour.id}`];
    await page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
    await frames(page, 3);
    const keys = ['ArrowRight', ' ', 'PageDown'];
    for (let i = 0; i < tour.steps.length; ++i) {
      await page.waitForTimeout(900);  // camera flight
      s = await status(page);
      assertEqual(s.tour, tour.id, 'tour');
      assertEqual(s.tourStep, i, 'step');
      assertEqual(JSON.stringify(s.tourFocus), JSON.stringify(tour.steps[i].focus), `step ${i + 1} focus`);
      const png = await shot(page, `present-${renderer}-step-${i + 1}`);
      // The step's first actor is drawn in its kind colour; faded ones are not.
      const p = await command(page, { cmd: 'project', id: tour.steps[i].focus[0] });
      if (p.x > 10 && p.y > 10 && p.x < 1270 && p.y < 560) {
        const d = colourDistance(png.pixel(p.x, p.y), rgbOf(p.colour));
        assert(d <= 40 || p.colour === 0xffffff, `step ${i + 1}: focused actor drawn in its colour (distance ${d})`);
      }
      if (i + 1 < tour.steps.length) await page.keyboard.press(keys[i % keys.length]);
    }
    await page.keyboard.press('PageUp');
    await frames(page, 3);
    assertEqual((await status(page)).tourStep, tour.steps.length - 2, 'PageUp goes back a step');
    const before = (await status(page)).presentScale;
    await page.keyboard.press('+');
    await frames(page, 2);
    assert((await status(page)).presentScale > before, '"+" enlarges the type');
    await page.keyboard.press('Escape');
    await frames(page, 2);
    assertEqual((await status(page)).tour, '', 'Esc ends the tour');
  });
}

test('every shipped territory map has a tour whose steps name existing actors', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2' });
  for (const id of ['val-d-oise', 'occitanie', 'ariege', 'wallonie']) {
    assertEqual(await page.evaluate((m) => window.qfq.loadMap(m), id), true, `${id} loads`);
    await page.waitForFunction(() => window.qfq.status().ready);
    await page.evaluate(() => window.qfq.command({ cmd: 'mode', present: true }));
    await frames(page, 3);
    const s = await status(page);
    const tours = Object.keys(s.widgets).filter((w) => w.startsWith('tour-'));
    assert(tours.length >= 1, `${id} offers a tour`);
  }
});

test('embed mode shows minimal chrome; the share button copies the link', async (env) => {
  const page = await openApp(env, { renderer: 'webgl2', query: 'embed=1', viewport: { width: 640, height: 420 } });
  const s = await status(page);
  assert(s.embed && s.widgets.search && s.widgets['open-full'], 'search and "open full map" are there');
  assert(!s.widgets.map && !s.widgets.glossary && !s.widgets.filters, 'no switcher, glossary or filters in an embed');
  assert(s.nodes > 0, 'the map is drawn in a small frame');
  await shot(page, 'present-embed');
  const full = await openApp(env, { renderer: 'webgl2' });
  await command(full, { cmd: 'select', id: 'drane', fly: false });
  await full.waitForFunction(() => /sel=drane/.test(location.hash));
  const [x0, y0, x1, y1] = (await status(full)).widgets.share;
  await full.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
  await full.waitForSelector('#qfq-notice:not([hidden])');
  const notice = await full.locator('#qfq-notice').textContent();
  assert(notice.includes('#map=national') && notice.includes('sel=drane'), `notice shows the copied link: ${notice}`);
});

// present.test.mjs — the facilitator's and the publisher's views: a guided tour stepped
// through with the keyboard (each step's focus checked in state and pixels), type size,
// chrome hidden; embed mode's minimal chrome; the share button.
import { readFileSync } from 'node:fs';
import { test, assert, assertEqual, openApp, status, command, frames, shot, rgbOf, colourDistance, cameraStill } from './harness.mjs';

const readMap = (file) => JSON.parse(readFileSync(new URL(`../../data/${file}`, import.meta.url), 'utf8'));
const ariege = readMap('territories/ariege.json');

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
    let pixelChecked = 0;  // steps whose first actor was on screen and checked in the pixels
    for (let i = 0; i < tour.steps.length; ++i) {
      await cameraStill(page);
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
        ++pixelChecked;
      }
      if (i + 1 < tour.steps.length) await page.keyboard.press(keys[i % keys.length]);
    }
    // The camera flies to each step's actors, so every step's first actor is on screen: a step
    // skipped here means the flight missed it, and that is a failure, not a pass.
    assertEqual(pixelChecked, tour.steps.length, 'steps whose focused actor was checked in the pixels');
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
  const files = { 'val-d-oise': 'territories/val-d-oise.json', occitanie: 'territories/occitanie.json',
                  ariege: 'territories/ariege.json', wallonie: 'wallonie.json' };
  let idsChecked = 0;
  for (const [id, file] of Object.entries(files)) {
    assertEqual(await page.evaluate((m) => window.qfq.loadMap(m), id), true, `${id} loads`);
    await page.waitForFunction(() => window.qfq.status().ready);
    await page.evaluate(() => window.qfq.command({ cmd: 'mode', present: true }));
    await frames(page, 3);
    const s = await status(page);
    const tours = Object.keys(s.widgets).filter((w) => w.startsWith('tour-'));
    assert(tours.length >= 1, `${id} offers a tour`);
    // Every actor a step of the file's tours focuses is an actor of the loaded (resolved) map.
    const own = readMap(file).tours || [];
    assert(own.length >= 1, `${file} has its own tour`);
    for (const tour of own)
      for (const [i, step] of tour.steps.entries()) {
        assert(step.focus.length >= 1, `${id}: tour ${tour.id} step ${i + 1} focuses on something`);
        for (const actor of step.focus) {
          const p = await command(page, { cmd: 'project', id: actor });
          assert(p.ok !== false && Number.isFinite(p.x), `${id}: tour ${tour.id} step ${i + 1} names "${actor}", not an actor of the map`);
          ++idsChecked;
        }
      }
  }
  assert(idsChecked >= 32, `actor ids checked in tour steps (at least 8 a map): ${idsChecked}`);
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

// frame.test.mjs — the frame loop draws only when something changes, and dropped files
// reach C++ as bytes, with each renderer: idle for 2 s, 0 frames drawn (and hovering draws
// again); a Windows-1252 CSV pair (French Excel's "CSV (séparateur : point-virgule)")
// keeps "Éducation"; invalid UTF-8 in a JSON map is reported at line:col and the map stays.
import { test, assert, assertEqual, openApp, status, command, frames, shot } from './harness.mjs';

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
  test(`${renderer}: 0 frames drawn while idle; dropped Windows-1252 CSV keeps "Éducation"; invalid UTF-8 JSON reported at line:col`, async (env) => {
    const page = await openApp(env, { renderer });
    // Idle for 2 s: nothing drawn (a bounded wait on the page's own clock, frame by frame).
    await page.waitForFunction(() => window.qfq.status().idleMs > 0, null, { timeout: 10000 });
    const n0 = (await status(page)).framesDrawn;
    const ticks = await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      let k = 0;
      const tick = () => { ++k; if (performance.now() - t0 >= 2000) resolve(k); else requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    }));
    const n1 = (await status(page)).framesDrawn;
    assert(ticks > 10, `the page's animation frames kept coming (${ticks})`);
    assertEqual(n1 - n0, 0, 'frames drawn in 2 s idle');
    assert((await status(page)).sleeping, 'the frame loop sleeps (no empty animation frames either)');
    await page.mouse.move(600, 400);
    await page.mouse.move(640, 420);
    await page.waitForFunction((k) => window.qfq.status().framesDrawn > k, n1, { timeout: 5000 });
    assert((await status(page)).framesDrawn > n1, 'hovering draws again');

    // Dropped files reach C++ as bytes: a Windows-1252 CSV pair keeps its accents.
    await command(page, { cmd: 'fit' });
    const actors = (await status(page)).actors;
    await drop(page, [{ name: 'actors.csv', type: 'text/csv', bytes: actorsCsv }, { name: 'relations.csv', type: 'text/csv', bytes: relationsCsv }]);
    await page.waitForFunction((n) => window.qfq.status().actors === n + 1, actors, { timeout: 10000 });
    await command(page, { cmd: 'select', id: 'dsden-test', fly: false });
    await frames(page, 3);
    const card = (await status(page)).card.join('\n');
    assert(/Direction des services départementaux de l’Éducation nationale \(test\)/.test(card), `accents intact in the card:\n${card}`);
    assert(!/\uFFFD/.test(card), 'no replacement character');
    // Invalid UTF-8 (a Latin-1 "é") in a JSON map: refused, with its place; the map stays.
    const bad = Array.from(Buffer.concat([Buffer.from('{\n  "schema": "qfq-map/1",\n  "id": "caf'), Buffer.from([0xe9]), Buffer.from('",\n  "title": "x"\n}\n')]));
    await drop(page, [{ name: 'latin1.json', type: 'application/json', bytes: bad }]);
    await page.waitForFunction(() => window.qfq.status().errors.some((e) => /latin1\.json/.test(e)), null, { timeout: 10000 });
    const s = await status(page);
    const err = s.errors.find((e) => /latin1\.json/.test(e));
    assert(/latin1\.json:3:\d+/.test(err) && /UTF-8/.test(err), `error names line:col and UTF-8: ${err}`);
    assertEqual(s.actors, actors + 1, 'the map on screen stays');
    assert(s.nodes > 50, 'and is still drawn');
    await shot(page, `frame-${renderer}-dropped`);
  });
}

// variants.test.mjs — every académie is a variant of the national map: the switcher lists 30+
// of them under their région académique, filters them as one types, and choosing one changes
// what the map shows (labels and the card speak of that académie's delegation and site).
import { test, assert, assertEqual, openApp, status, command, frames, shot } from './harness.mjs';

async function widget(page, name, timeout = 5000) {
  await frames(page, 3);
  const handle = await page.waitForFunction((n) => window.qfq.status().widgets[n], name, { timeout });
  return handle.jsonValue();
}
async function click(page, name) {
  const [x0, y0, x1, y1] = await widget(page, name);
  await page.mouse.click((x0 + x1) / 2, (y0 + y1) / 2);
  await frames(page, 2);
}
const labels = async (page) => (await command(page, { cmd: 'positions' })).labels;
// ImGui takes typed characters one frame at a time: wait for the list the filter should give.
async function listed(page, n) {
  await page.waitForFunction((k) => window.qfq.status().variantsListed === k, n, { timeout: 10000 })
    .catch(() => {});
  return (await status(page)).variantsListed;
}

for (const renderer of ['webgpu', 'webgl2']) {
  test(`${renderer}: the switcher lists every académie by région académique and filters as one types`, async (env) => {
    const page = await openApp(env, { renderer });
    const before = await status(page);
    assert(before.variants >= 34, `the national map offers 30 académies and 4 overseas services (${before.variants})`);
    await click(page, 'variant');
    await widget(page, 'variant-filter');
    const open = await status(page);
    assertEqual(open.variantsListed, open.variants, 'an empty filter lists every variant');
    await shot(page, `variants-${renderer}-1-open`);
    // The filter box has the keyboard as soon as the list opens: no click needed.
    await page.keyboard.type('dijon', { delay: 15 });
    assertEqual(await listed(page, 1), 1, 'typing "dijon" leaves one académie');
    await frames(page, 2);
    let s = await status(page);
    assert(s.widgets['variant-dijon'], 'Dijon is listed');
    assert(!s.widgets['variant-toulouse'], 'Toulouse is filtered out');
    await shot(page, `variants-${renderer}-2-filtered`);
    // A région académique's name finds its académies too.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('occitanie', { delay: 15 });
    assertEqual(await listed(page, 2), 2, 'typing "occitanie" lists Montpellier and Toulouse');
    await frames(page, 2);
    s = await status(page);
    assert(s.widgets['variant-montpellier'] && s.widgets['variant-toulouse'], 'both Occitanie académies listed');
    await page.keyboard.press('Escape');
    await frames(page, 2);
  });

  test(`${renderer}: choosing Dijon shows its delegation (DRNE) on the map and in the card`, async (env) => {
    const page = await openApp(env, { renderer });
    assert((await labels(page)).includes('DRANE'), 'without a variant the delegation reads DRANE');
    await click(page, 'variant');
    await widget(page, 'variant-filter');
    await page.keyboard.type('dijon', { delay: 15 });
    assertEqual(await listed(page, 1), 1, 'the filter leaves Dijon');
    await page.keyboard.press('Enter');  // picks the first match
    await page.waitForFunction(() => window.qfq.status().variant === 'dijon', null, { timeout: 10000 }).catch(() => {});
    let s = await status(page);
    assertEqual(s.variant, 'dijon', 'Enter picks the only match');
    const shown = await labels(page);
    assert(shown.includes('DRNE') && !shown.includes('DRANE'), `the map labels the delegation DRNE: ${shown.join(', ')}`);
    await command(page, { cmd: 'select', id: 'drane' });
    await frames(page, 3);
    s = await status(page);
    const card = s.card.join('\n');
    assert(/DRNE/.test(card), `the card names the DRNE:\n${card}`);
    assert(/drne\.region-academique-bourgogne-franche-comte\.fr/.test(card), `the card gives its site:\n${card}`);
    await command(page, { cmd: 'select', id: 'recteur-academie' });
    await frames(page, 3);
    s = await status(page);
    assert(/Dijon/.test(s.card.join('\n')), `the recteur's card names the rectorat of Dijon:\n${s.card.join('\n')}`);
    await shot(page, `variants-${renderer}-3-dijon`);
    // Back to no variant: the national wording returns.
    await command(page, { cmd: 'variant', id: '' });
    await frames(page, 2);
    assert((await labels(page)).includes('DRANE'), 'no variant: DRANE again');
  });
}

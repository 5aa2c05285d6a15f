// legibility.mjs — how well the map reads, measured from what the app drew, side by side
// with ELK layered (elkjs) and Graphviz dot on the same graphs.
//
// For every shipped map × viewport (1280×800, 1920×1080, 390×844), in headless Chromium
// (WebGL2) against build/web: window.qfq.scene() after the layout and the fit: visible
// actors, labelled, label–label overlaps, label–disc overlaps, edges through a label other
// than their ends', crossings among drawn edges (pairs of polylines that cross), smallest
// label box height (px), layout wall time (ms, sliced over frames).
// Peers, per map (the graph the app drew at 1280×800: its actors, its merged edges, node
// boxes = disc + label as the app reserves them, in layout units): ELK layered with the
// levels as partitions, and dot with rank=same per level; for each: crossings (straight
// lines between centres, and along the peer's own routes), drawing size, and the label
// size (px) the drawing would have when fitted to each viewport.
// Usage: node bench/legibility.mjs [--readme] [--maps a,b] [--viewports 1280x800,1920x1080]
//   [--dump DIR]
// (writes build/bench/legibility.json; --readme regenerates README.md's table between its
// legibility markers and needs the full run; --maps/--viewports measure a subset while
// iterating — the peers always take the 1280×800 graph, so a subset must include it)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serve } from '../scripts/serve.mjs';
import { launch } from '../tests/browser/chromium.mjs';
import { legibility } from '../tests/browser/carto.test.mjs';

const root = new URL('../', import.meta.url).pathname;
const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : null; };
const allMaps = ['national', 'val-d-oise', 'occitanie', 'ariege', 'wallonie'];
const maps = arg('--maps') ? arg('--maps').split(',') : allMaps;
const viewports = (arg('--viewports') || '1280x800,1920x1080,390x844').split(',').map((v) => v.split('x').map(Number));
const LAYOUT_FONT = 13;  // the app's label em size at zoom 1 (ui/explorer.h layoutFont)

// Pairs of polylines (not sharing an end) that cross at least once.
export function crossings(edges) {
  const o = (p, q, r) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const X = (a, b, c, d) => o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0;
  let n = 0;
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length; j++) {
      const A = edges[i], B = edges[j];
      if (A.from === B.from || A.from === B.to || A.to === B.from || A.to === B.to) continue;
      let hit = false;
      for (let s = 0; s + 1 < A.points.length && !hit; s++)
        for (let t = 0; t + 1 < B.points.length && !hit; t++) hit = X(A.points[s], A.points[s + 1], B.points[t], B.points[t + 1]);
      n += hit;
    }
  return n;
}

async function settled(page, width) {
  await page.waitForFunction((w) => {
    const st = window.qfq.status();
    if (!st.ready || st.width !== w || st.animating) return false;
    const sc = JSON.stringify(window.qfq.scene());
    const same = sc === window.__benchLast;
    window.__benchLast = sc;
    return same;
  }, width, { timeout: 60000, polling: 250 });
  return page.evaluate(() => window.qfq.scene());
}

// The drawn graph in layout units: node boxes as the app reserves them.
function graphOf(sc, zoom) {
  const labels = new Map(sc.labels.map((l) => [l.id, l]));
  const nodes = sc.nodes.map((n) => {
    const l = labels.get(n.id);
    const w = l ? l.x1 - (n.x - n.r) : 2 * n.r, h = l ? Math.max(l.y1 - l.y0, 2 * n.r) : 2 * n.r;
    return { id: n.id, level: n.level, width: w / zoom, height: h / zoom, r: n.r / zoom };
  });
  const seen = new Set(), edges = [];
  for (const e of sc.edges) {
    const k = [e.from, e.to].sort().join('|');
    if (seen.has(k) || e.from === e.to) continue;
    seen.add(k);
    edges.push({ from: e.from, to: e.to });
  }
  return { nodes, edges };
}

async function elkOf(g, levelOrder) {
  const require = createRequire(import.meta.url);
  const ELK = require('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const t0 = performance.now();
  const out = await elk.layout({
    id: 'root',
    layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'DOWN', 'elk.partitioning.activate': 'true',
                     'elk.spacing.nodeNode': '18', 'elk.layered.spacing.nodeNodeBetweenLayers': '30' },
    children: g.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height,
                                    layoutOptions: { 'elk.partitioning.partition': String(levelOrder.indexOf(n.level)) } })),
    edges: g.edges.map((e, i) => ({ id: `e${i}`, sources: [e.from], targets: [e.to] })),
  });
  const ms = performance.now() - t0;
  const at = new Map(out.children.map((c) => [c.id, [c.x + c.width / 2, c.y + c.height / 2]]));
  const straight = g.edges.map((e) => ({ from: e.from, to: e.to, points: [at.get(e.from), at.get(e.to)] }));
  const routed = out.edges.map((e, i) => {
    const s = e.sections && e.sections[0];
    const points = s ? [[s.startPoint.x, s.startPoint.y], ...(s.bendPoints || []).map((p) => [p.x, p.y]), [s.endPoint.x, s.endPoint.y]] : straight[i].points;
    return { from: g.edges[i].from, to: g.edges[i].to, points };
  });
  return { width: out.width, height: out.height, ms, straight: crossings(straight), routed: crossings(routed) };
}

function dotOf(g, levelOrder) {
  const q = (s) => `"${String(s).replace(/"/g, '\\"')}"`;
  let src = 'digraph G { graph [newrank=true, nodesep=0.25, ranksep=0.4]; node [shape=box, fixedsize=true, label=""];\n';
  g.nodes.forEach((n) => { src += `${q(n.id)} [width=${(n.width / 72).toFixed(3)}, height=${(n.height / 72).toFixed(3)}];\n`; });
  // One rank per level, in the levels' order (an invisible chain of anchors).
  levelOrder.forEach((lv, i) => {
    const members = g.nodes.filter((n) => n.level === lv).map((n) => q(n.id));
    src += `${q('__lv' + i)} [style=invis, width=0.01, height=0.01];\n{ rank=same; ${q('__lv' + i)} ${members.join(' ')} }\n`;
    if (i) src += `${q('__lv' + (i - 1))} -> ${q('__lv' + i)} [style=invis];\n`;
  });
  g.edges.forEach((e) => { src += `${q(e.from)} -> ${q(e.to)} [constraint=false];\n`; });
  src += '}\n';
  const t0 = performance.now();
  const json = JSON.parse(execFileSync('dot', ['-Tjson'], { input: src, maxBuffer: 1 << 26 }).toString());
  const ms = performance.now() - t0;
  const [, , bw, bh] = json.bb.split(',').map(Number);
  const at = new Map();
  for (const o of json.objects || []) if (o.pos && !o.name.startsWith('__lv')) at.set(o.name, o.pos.split(',').map(Number));
  const byGvid = new Map((json.objects || []).map((o) => [o._gvid, o.name]));
  const straight = g.edges.map((e) => ({ from: e.from, to: e.to, points: [at.get(e.from), at.get(e.to)] }));
  const routed = [];
  for (const e of json.edges || []) {
    const from = byGvid.get(e.tail), to = byGvid.get(e.head);
    if (!from || !to || from.startsWith('__lv')) continue;
    const pts = (e.pos || '').split(' ').filter((p) => !p.startsWith('e,') && !p.startsWith('s,')).map((p) => p.split(',').map(Number));
    routed.push({ from, to, points: pts.length >= 2 ? pts : [at.get(from), at.get(to)] });
  }
  return { width: bw, height: bh, ms, straight: crossings(straight), routed: crossings(routed) };
}

async function main() {
  if (!existsSync(`${root}build/web/index.html`)) throw new Error('build/web missing: run scripts/build.sh web');
  const { server, url } = await serve(`${root}build/web/`);
  const context = await launch();
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${url}?renderer=webgl2`);
  await page.waitForFunction(() => window.qfq && window.qfq.status().ready, null, { timeout: 60000 });
  const results = [];
  for (const id of maps) {
    await page.evaluate((m) => window.qfq.loadMap(m), id);
    const row = { map: id, app: {}, elk: null, dot: null };
    let graph = null;
    for (const [w, h] of viewports) {
      await page.setViewportSize({ width: w, height: h });
      const sc = await settled(page, w);
      const st = await page.evaluate(() => window.qfq.status());
      if (arg('--dump')) { mkdirSync(arg('--dump'), { recursive: true }); writeFileSync(`${arg('--dump')}/${id}-${w}x${h}.json`, JSON.stringify({ status: st, scene: sc })); }
      const m = legibility(sc);
      const minPx = sc.labels.length ? Math.min(...sc.labels.map((l) => l.y1 - l.y0)) : 0;
      row.app[`${w}x${h}`] = { visible: m.visible, labelled: m.labelled, labelOverlaps: m.ll, labelNodeOverlaps: m.ln,
                               edgeThroughLabel: m.el, edges: sc.edges.length, crossings: crossings(sc.edges),
                               minLabelPx: Math.round(minPx * 10) / 10, layoutMs: Math.round(st.layoutMs) };
      if (w === 1280) graph = { g: graphOf(sc, st.camera.zoom), levels: [...new Set(sc.bands.map((b) => b.id))] };
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    const fitted = (d) => Object.fromEntries(viewports.map(([w, h]) => [`${w}x${h}`,
      Math.round(10 * LAYOUT_FONT * Math.min((w - 24) / d.width, (h - 96) / d.height)) / 10]));
    try { const e = await elkOf(graph.g, graph.levels); row.elk = { ...e, ms: Math.round(e.ms), fontPx: fitted(e) }; } catch (e) { row.elk = { error: String(e.message || e) }; }
    try { const d = dotOf(graph.g, graph.levels); row.dot = { ...d, ms: Math.round(d.ms), fontPx: fitted(d) }; } catch (e) { row.dot = { error: String(e.message || e).split('\n')[0] }; }
    results.push(row);
    console.log(JSON.stringify(row));
  }
  await context.close();
  server.close();
  mkdirSync(`${root}build/bench`, { recursive: true });
  const out = { generated: new Date().toISOString(), viewports: viewports.map(([w, h]) => `${w}x${h}`), results };
  writeFileSync(`${root}build/bench/legibility.json`, JSON.stringify(out, null, 2) + '\n');
  if (process.argv.includes('--readme')) {
    if (maps.length !== allMaps.length || viewports.length !== 3) throw new Error('--readme needs every map and viewport');
    writeReadme(out);
  }
}

// README table, generated from the JSON (never typed by hand).
export function table(out) {
  let t = '| map | viewport | visible | labelled | label–label | label–disc | edge–label | drawn edges | crossings | smallest label px | layout ms |\n|---|---|---|---|---|---|---|---|---|---|---|\n';
  for (const r of out.results)
    for (const [vp, a] of Object.entries(r.app))
      t += `| ${r.map} | ${vp} | ${a.visible} | ${a.labelled} | ${a.labelOverlaps} | ${a.labelNodeOverlaps} | ${a.edgeThroughLabel} | ${a.edges} | ${a.crossings} | ${a.minLabelPx} | ${a.layoutMs} |\n`;
  t += '\n| map | ours: crossings at 1280×800 / 1920×1080 | ELK layered: crossings straight / routed | ELK size | ELK label px 1280 / 1920 / 390 | dot: crossings straight / routed | dot size | dot label px 1280 / 1920 / 390 |\n|---|---|---|---|---|---|---|---|\n';
  const px = (d) => (d && d.fontPx ? Object.values(d.fontPx).join(' / ') : '–');
  const size = (d) => (d && d.width ? `${Math.round(d.width)}×${Math.round(d.height)}` : (d && d.error) || '–');
  for (const r of out.results)
    t += `| ${r.map} | ${r.app['1280x800'].crossings} / ${r.app['1920x1080'] ? r.app['1920x1080'].crossings : '–'} | ${r.elk && r.elk.width ? `${r.elk.straight} / ${r.elk.routed}` : '–'} | ${size(r.elk)} | ${px(r.elk)} | ${r.dot && r.dot.width ? `${r.dot.straight} / ${r.dot.routed}` : '–'} | ${size(r.dot)} | ${px(r.dot)} |\n`;
  return t;
}

function writeReadme(out) {
  const path = `${root}README.md`;
  const text = readFileSync(path, 'utf8');
  const begin = '<!-- legibility:begin -->', end = '<!-- legibility:end -->';
  const block = `${begin}\n${table(out)}${end}`;
  const next = text.includes(begin) ? text.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), block) : text;
  writeFileSync(path, next);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

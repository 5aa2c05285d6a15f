// bench/graphs.mjs — the one seeded graph generator every contender is fed from, and the
// quality scores every result is judged by (same code for all, so no one grades itself).
//
// Contents
//   1. PRNG (splitmix32-style, deterministic)
//   2. makeGraph(n, seed): an organisation-like graph (preferential tree + local links)
//   3. Graph files for the native bench (u32 n, m, iterations; u32 edges; f32 x,y)
//   4. Quality: normalised stress on sampled pairs (BFS hops), crossings on sampled edges
import { writeFileSync, readFileSync } from 'node:fs';

// ---------------------------------------------------------------------------
// 1. PRNG
// ---------------------------------------------------------------------------

export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------
// 2. makeGraph
// ---------------------------------------------------------------------------

// n nodes, about 2n distinct edges, connected: each node hangs under an earlier one
// (preferential attachment 70 % of the time: hubs like ministries and DRANEs), then one
// extra link per node, mostly to a neighbour's neighbour (local structure), sometimes
// anywhere. Initial positions: uniform in a square of side 30·sqrt(n), shared by all.
export function makeGraph(n, seed) {
  const r = rng(seed);
  const src = [], dst = [];
  const seen = new Set();
  const adj = Array.from({ length: n }, () => []);
  const add = (a, b) => {
    if (a === b) return false;
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) return false;
    seen.add(key);
    src.push(a); dst.push(b);
    adj[a].push(b); adj[b].push(a);
    return true;
  };
  for (let i = 1; i < n; i++) {
    let p;
    if (src.length > 0 && r() < 0.7) {
      const e = Math.floor(r() * src.length);
      p = r() < 0.5 ? src[e] : dst[e];
    } else p = Math.floor(r() * i);
    add(p, i);
  }
  for (let i = 0; i < n; i++) {
    for (let tries = 0; tries < 4; tries++) {
      let v;
      if (r() < 0.8 && adj[i].length > 0) {
        const u = adj[i][Math.floor(r() * adj[i].length)];
        v = adj[u][Math.floor(r() * adj[u].length)];
      } else v = Math.floor(r() * n);
      if (add(i, v)) break;
    }
  }
  const m = src.length;
  const edges = new Uint32Array(2 * m);
  for (let e = 0; e < m; e++) { edges[2 * e] = src[e]; edges[2 * e + 1] = dst[e]; }
  const side = 30 * Math.sqrt(n);
  const init = new Float32Array(2 * n);
  for (let i = 0; i < 2 * n; i++) init[i] = r() * side;
  return { n, m, edges, init };
}

// ---------------------------------------------------------------------------
// 3. Graph files
// ---------------------------------------------------------------------------

export function writeGraphFile(path, g, iterations) {
  const head = new Uint32Array([g.n, g.m, iterations]);
  writeFileSync(path, Buffer.concat([Buffer.from(head.buffer), Buffer.from(g.edges.buffer), Buffer.from(g.init.buffer)]));
}

export function readPositions(path) {
  const b = readFileSync(path);
  return new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
}

// ---------------------------------------------------------------------------
// 4. Quality
// ---------------------------------------------------------------------------

function csr(g) {
  const off = new Uint32Array(g.n + 1);
  for (let e = 0; e < g.m; e++) { off[g.edges[2 * e] + 1]++; off[g.edges[2 * e + 1] + 1]++; }
  for (let i = 0; i < g.n; i++) off[i + 1] += off[i];
  const fill = off.slice(0, g.n), tgt = new Uint32Array(off[g.n]);
  for (let e = 0; e < g.m; e++) {
    const a = g.edges[2 * e], b = g.edges[2 * e + 1];
    tgt[fill[a]++] = b; tgt[fill[b]++] = a;
  }
  return { off, tgt };
}

// Normalised stress: sum((s·d − h)² / h²) / pairs over sampled pairs, h = BFS hops, d the
// drawn distance, s the scale minimising it (so the drawing's size does not matter).
// Lower is better; 0 = distances proportional to hops.
export function stress(g, xy, { sources = 24, perSource = 400, seed = 7 } = {}) {
  const { off, tgt } = csr(g);
  const r = rng(seed);
  const dist = new Int32Array(g.n), queue = new Uint32Array(g.n);
  const D = [], H = [];
  for (let s = 0; s < sources; s++) {
    const src = Math.floor(r() * g.n);
    dist.fill(-1);
    let qh = 0, qt = 0;
    queue[qt++] = src; dist[src] = 0;
    while (qh < qt) {
      const v = queue[qh++];
      for (let k = off[v]; k < off[v + 1]; k++) {
        const u = tgt[k];
        if (dist[u] < 0) { dist[u] = dist[v] + 1; queue[qt++] = u; }
      }
    }
    for (let t = 0; t < perSource; t++) {
      const dst = Math.floor(r() * g.n);
      if (dist[dst] <= 0) continue;
      const dx = xy[2 * src] - xy[2 * dst], dy = xy[2 * src + 1] - xy[2 * dst + 1];
      D.push(Math.hypot(dx, dy)); H.push(dist[dst]);
    }
  }
  let sdh = 0, sd2 = 0;
  for (let i = 0; i < D.length; i++) { sdh += D[i] / H[i]; sd2 += (D[i] * D[i]) / (H[i] * H[i]); }
  if (!(sd2 > 0) || !Number.isFinite(sd2)) return NaN;
  const scale = sdh / sd2;
  let st = 0;
  for (let i = 0; i < D.length; i++) { const q = (scale * D[i] - H[i]) / H[i]; st += q * q; }
  return st / D.length;
}

// Proper crossings among `samples` random edges (pairs sharing an end are not crossings).
export function crossings(g, xy, { samples = 2000, seed = 11 } = {}) {
  const r = rng(seed);
  const pick = [];
  for (let i = 0; i < Math.min(samples, g.m); i++) pick.push(g.m <= samples ? i : Math.floor(r() * g.m));
  const orient = (ax, ay, bx, by, cx, cy) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  let count = 0;
  for (let i = 0; i < pick.length; i++) {
    const a = g.edges[2 * pick[i]], b = g.edges[2 * pick[i] + 1];
    const ax = xy[2 * a], ay = xy[2 * a + 1], bx = xy[2 * b], by = xy[2 * b + 1];
    for (let j = i + 1; j < pick.length; j++) {
      const c = g.edges[2 * pick[j]], d = g.edges[2 * pick[j] + 1];
      if (a === c || a === d || b === c || b === d) continue;
      const cx = xy[2 * c], cy = xy[2 * c + 1], dx = xy[2 * d], dy = xy[2 * d + 1];
      if (orient(ax, ay, bx, by, cx, cy) * orient(ax, ay, bx, by, dx, dy) < 0 &&
          orient(cx, cy, dx, dy, ax, ay) * orient(cx, cy, dx, dy, bx, by) < 0) count++;
    }
  }
  return count;
}

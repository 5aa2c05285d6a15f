// idle-cpu.mjs — how much CPU the app takes while nothing happens, with each renderer.
// Usage: node scripts/idle-cpu.mjs [build/web] [seconds]   (defaults: build/web, 5)
//
// Opens the national map, waits until it is ready (and 1 s more for its transitions), then
// measures over `seconds` of idle: the renderer's main-thread task time (Chromium's
// Performance.getMetrics TaskDuration) and the CPU time of every process of this browser
// (/proc: renderer, GPU process with SwiftShader, browser), as a share of one core.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs } from '../tests/browser/chromium.mjs';
import { serve } from './serve.mjs';

const dir = resolve(process.argv[2] || 'build/web');
const seconds = Number(process.argv[3] || 5);
const ticks = 100;  // USER_HZ on Linux

// CPU seconds of the browser started with `userDataDir` and of all its child processes.
function browserCpuSeconds(userDataDir) {
  const procs = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(pid, { ppid: f[1], cpu: (Number(f[11]) + Number(f[12])) / ticks,
                       cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8') });
    } catch (e) { /* gone */ }
  }
  const ours = (pid) => {
    for (let p = pid, depth = 0; p && p !== '0' && depth < 10; p = procs.get(p)?.ppid, ++depth)
      if (procs.get(p)?.cmd.includes(userDataDir)) return true;
    return false;
  };
  let total = 0;
  for (const [pid, p] of procs) if (ours(pid)) total += p.cpu;
  return total;
}

const { server, url } = await serve(dir);
const results = {};
for (const renderer of ['webgpu', 'webgl2']) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'qfq-idle-cpu-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  await page.goto(`${url}?renderer=${renderer}`);
  await page.waitForFunction(() => window.qfq && window.qfq.status().ready, null, { timeout: 30000 });
  await page.waitForTimeout(1000);  // measuring idle: the transitions of the first second end
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async (name) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name).value;
  const cpu = () => browserCpuSeconds(userDataDir);
  const f0 = await page.evaluate(() => window.qfq.status().framesDrawn ?? null);
  const task0 = await metric('TaskDuration');
  const cpu0 = cpu();
  const t0 = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const task1 = await metric('TaskDuration');
  const cpu1 = cpu();
  const wall = (Date.now() - t0) / 1000;
  const f1 = await page.evaluate(() => window.qfq.status().framesDrawn ?? null);
  results[renderer] = {
    seconds: wall,
    rendererMainThreadMsPerSecond: Math.round(((task1 - task0) * 1000) / wall * 10) / 10,
    browserCpuPercentOfOneCore: Math.round(((cpu1 - cpu0) / wall) * 1000) / 10,
    framesDrawn: f0 === null ? 'not counted (older build)' : f1 - f0,
  };
  await context.close();
}
server.close();
console.log(JSON.stringify({ build: dir, results }, null, 2));

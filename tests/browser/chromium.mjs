// chromium.mjs — launches Debian's Chromium through playwright-core with the flags that
// make WebGPU present to a canvas headlessly (SwiftShader Vulkan; see ../shared notes in
// the README), for tests and benchmarks.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const chromiumArgs = [
  '--headless=new', '--no-sandbox', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader',
  '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist',
];

export async function launch(extraArgs = [], options = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'qfq-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...chromiumArgs, ...extraArgs],
    viewport: { width: 1280, height: 800 },
    ...options,
  });
}

// run.mjs — runs every browser test file (tests/browser/*.test.mjs) in one headless
// Chromium against build/web. Usage: node tests/browser/run.mjs   (QFQ_TEST_FILTER=text
// runs only the tests whose name contains text).
import { readdirSync } from 'node:fs';
import { runAll } from './harness.mjs';

const dir = new URL('./', import.meta.url).pathname;
for (const f of readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort()) await import(`./${f}`);
process.exit((await runAll()) ? 0 : 1);

// axe.mjs — runs axe-core (npm, pinned in package.json) in a page with the WCAG 2.1 A and
// AA rule sets (tags wcag2a, wcag2aa, wcag21a, wcag21aa), for the browser tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Runs axe-core in the page (evaluated by the test driver: the page's CSP is not bypassed
// for the app's own scripts) and returns the violations, one line each.
export async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((t) => window.axe.run(document, { runOnly: { type: 'tag', values: t } }), tags);
  return {
    passes: result.passes.length,
    violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
  };
}


// axe-core inside the app's iframe. The script is evaluated through the DevTools protocol rather
// than added as a <script> tag: the app's Content-Security-Policy (rightly) refuses inline scripts,
// and a refused tag would also show up as a console error in every test that watches for them.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: 'critical' | 'serious';
  help: string;
  nodes: Array<{ target: string; summary: string }>;
}

interface AxeResult {
  violations: Array<{
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: unknown[]; failureSummary?: string }>;
  }>;
}

/** axe-core's critical and serious violations in the whole document of `frame` (no rule turned off). */
export async function axeFindings(frame: Frame): Promise<AxeFinding[]> {
  const loaded = await frame.evaluate(() => typeof (globalThis as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await frame.evaluate(AXE_SOURCE);
  const result = await frame.evaluate(async () => {
    const page = globalThis as unknown as { document: unknown; axe: { run(context: unknown, options: unknown): Promise<unknown> } };
    return (await page.axe.run(page.document, { resultTypes: ['violations'] })) as AxeResult;
  });
  return result.violations
    .filter((v): v is typeof v & { impact: 'critical' | 'serious' } => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' > '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
}

/** One line per violation and one indented line per element: what a failing test prints. */
export function formatFindings(where: string, findings: AxeFinding[]): string {
  if (findings.length === 0) return `${where}: no critical or serious axe violations`;
  const lines = [`${where}: ${findings.length} critical/serious axe violation(s)`];
  for (const f of findings) {
    lines.push(`  [${f.impact}] ${f.id}: ${f.help} (${f.nodes.length})`);
    for (const n of f.nodes) lines.push(`      ${n.target}\n        ${n.summary}`);
  }
  return lines.join('\n');
}

/** Counts by impact, for a summary line. */
export function countByImpact(findings: AxeFinding[]): { critical: number; serious: number } {
  let critical = 0;
  let serious = 0;
  for (const f of findings) {
    if (f.impact === 'critical') critical += f.nodes.length;
    else serious += f.nodes.length;
  }
  return { critical, serious };
}

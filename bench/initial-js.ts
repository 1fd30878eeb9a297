// Initial JavaScript: what a browser must download before the first page renders — the entry
// chunk and everything it imports statically (the modulepreload links in index.html) — gzipped,
// against the 150 kB budget (issue 8 point 10), plus the largest chunks loaded later and where the
// JSON payload viewer ended up. It measures an existing build and builds nothing itself: run
// `npx vite build` first.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_KB = 150;
const VIEWER_SOURCE = 'src/components/JsonViewer.tsx';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface ChunkSize {
  file: string;
  rawKb: number;
  gzipKb: number;
  /** The .br copy written at build time, when there is one. */
  brotliKb: number | null;
  /** Packages (or "app") with the most source in the chunk, from its source map. */
  mostly: string[];
}

export interface InitialJsReport {
  clientDir: string;
  builtAt: string;
  initial: { files: ChunkSize[]; gzipKb: number; brotliKb: number | null; budgetKb: number; met: boolean };
  largestLazy: ChunkSize[];
  lazyCount: number;
  viewer: { file: string | null; inInitial: boolean };
}

// kB = 1000 bytes, as in Vite's build report.
const kb = (bytes: number) => Math.round(bytes / 10) / 100;

/** Which packages make up a chunk, by size of their sources in its source map. */
function mostlyFrom(path: string): string[] {
  if (!existsSync(`${path}.map`)) return [];
  const map = JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { sources: string[]; sourcesContent?: Array<string | null> };
  const bySource = new Map<string, number>();
  map.sources.forEach((source, i) => {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
    const name = m?.[1] ?? 'app';
    bySource.set(name, (bySource.get(name) ?? 0) + (map.sourcesContent?.[i]?.length ?? 0));
  });
  return [...bySource.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([name]) => name);
}

function sizeOf(clientDir: string, file: string): ChunkSize {
  const path = join(clientDir, file);
  const raw = readFileSync(path);
  const br = existsSync(`${path}.br`) ? statSync(`${path}.br`).size : null;
  return { file, rawKb: kb(raw.length), gzipKb: kb(gzipSync(raw, { level: 9 }).length), brotliKb: br === null ? null : kb(br), mostly: mostlyFrom(path) };
}

/** The entry and its static imports, transitively (manifest keys). */
function initialKeys(manifest: Manifest): string[] {
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('The build manifest has no entry chunk.');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) visit(dep);
  };
  visit(entry);
  return [...seen];
}

export function measureInitialJs(clientDir = join(process.cwd(), 'dist/client')): InitialJsReport {
  const manifestPath = join(clientDir, '.vite/manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No client build with a manifest in ${clientDir}: run \`npx vite build\` first (this benchmark measures a build, it does not make one).`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  const initial = new Set(initialKeys(manifest).flatMap((k) => [manifest[k]!.file, ...(manifest[k]!.css ?? [])]));
  const allFiles = new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]));
  const initialFiles = [...initial].map((f) => sizeOf(clientDir, f));
  const lazy = [...allFiles]
    .filter((f) => !initial.has(f))
    .map((f) => sizeOf(clientDir, f))
    .sort((a, b) => b.gzipKb - a.gzipKb);
  const gzipKb = kb(initialFiles.reduce((n, f) => n + f.gzipKb * 1000, 0));
  const brotli = initialFiles.every((f) => f.brotliKb !== null) ? kb(initialFiles.reduce((n, f) => n + (f.brotliKb ?? 0) * 1000, 0)) : null;
  const viewerFile = manifest[VIEWER_SOURCE]?.file ?? null;
  return {
    clientDir,
    builtAt: statSync(manifestPath).mtime.toISOString(),
    initial: { files: initialFiles, gzipKb, brotliKb: brotli, budgetKb: INITIAL_JS_BUDGET_KB, met: gzipKb <= INITIAL_JS_BUDGET_KB },
    largestLazy: lazy.slice(0, 5),
    lazyCount: lazy.length,
    viewer: { file: viewerFile, inInitial: viewerFile !== null && initial.has(viewerFile) },
  };
}

export function printInitialJs(r: InitialJsReport): void {
  const line = (c: ChunkSize) =>
    `    ${c.file.padEnd(36)} ${c.rawKb.toFixed(1).padStart(7)} kB, gzip ${c.gzipKb.toFixed(1).padStart(6)} kB${c.brotliKb === null ? '' : `, br ${c.brotliKb.toFixed(1).padStart(6)} kB`}   ${c.mostly.join(', ')}`;
  console.log(`\nInitial JavaScript (build in ${r.clientDir}, ${r.builtAt}):`);
  console.log(`  entry + static imports: ${r.initial.files.length} file(s)`);
  for (const c of r.initial.files) console.log(line(c));
  const br = r.initial.brotliKb === null ? '' : ` (brotli as served: ${r.initial.brotliKb.toFixed(1)} kB)`;
  console.log(`  initial JS gzip ${r.initial.gzipKb.toFixed(1)} kB${br}   target ≤ ${r.initial.budgetKb} kB   ${r.initial.met ? 'MET' : 'NOT MET'}`);
  console.log(`  largest of ${r.lazyCount} chunks loaded later:`);
  for (const c of r.largestLazy) console.log(line(c));
  const viewer =
    r.viewer.file === null ? 'not found in the manifest' : `${r.viewer.file}, ${r.viewer.inInitial ? 'IN the initial download' : 'loaded only when a payload is shown'}`;
  console.log(`  JSON payload viewer: ${viewer}`);
}

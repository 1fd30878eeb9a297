import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { PreRenderedChunk } from 'rolldown';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * Writes .br (quality 11) and .gz (level 9) copies next to every JS/CSS asset. Brotli at its best
 * quality takes about a second per large chunk: too slow per request, free at build time. The
 * server sends a copy when the browser accepts its encoding (server/http/static-assets.ts).
 * index.html is left out: the server renders it per request and compresses it then.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'fb-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      const files = Object.values(bundle).filter((f) => /\.(js|css|svg|json)$/.test(f.fileName) && f.fileName.startsWith('assets/'));
      await Promise.all(
        files.map(async (f) => {
          // The file as written (with its sourceMappingURL comment), so every copy has the same bytes.
          const source = await readFile(join(dir, f.fileName));
          if (source.length < 1024) return;
          const [br, gzipped] = await Promise.all([
            brotli(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }),
            gz(source, { level: 9 }),
          ]);
          await writeFile(join(dir, `${f.fileName}.br`), br);
          await writeFile(join(dir, `${f.fileName}.gz`), gzipped);
        }),
      );
    },
  };
}

/**
 * A chunk shared by several pages takes the name of one module in it, which misleads: the chunk
 * of BigDesign's date picker, selects and tables used to be called "JsonBlock" after a 1 kB
 * component that happened to be in it. Shared chunks that are mostly third-party code are called
 * "vendor" instead; pages and components keep their own names.
 */
function chunkFileName(chunk: PreRenderedChunk): string {
  if (chunk.isEntry || chunk.isDynamicEntry) return 'assets/[name]-[hash].js';
  const thirdParty = chunk.moduleIds.filter((id) => id.includes('/node_modules/')).length;
  return thirdParty * 2 > chunk.moduleIds.length ? 'assets/vendor-[hash].js' : 'assets/[name]-[hash].js';
}

// The UI is a static SPA served by the Express app (server/http/spa.ts), which injects the
// per-request boot data into index.html. Vite only bundles it. The manifest (dist/client/.vite/
// manifest.json, never served) tells `npm run bench -- initial-js` which chunks the first page needs.
export default defineConfig({
  root: 'client',
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    manifest: true,
    rolldownOptions: { output: { chunkFileNames: chunkFileName } },
  },
});

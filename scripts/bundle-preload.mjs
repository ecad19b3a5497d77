// The preload as one file. Electron loads it in a sandboxed renderer, where `require` knows only
// `electron` (and a few of Node's own modules): the preload cannot load the contract's method table
// from a file of its own, as the main process does. So the table is bundled into it, and the build
// fails if the bundle would need any module other than `electron` at run time.
//
//   node scripts/bundle-preload.mjs [--out DIR]   (default build/electron; npm run build:main runs it)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } }, strict: true });
const outDir = path.resolve(root, values.out ?? 'build/electron');

/** What a sandboxed preload may require: https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts */
const SANDBOX_MODULES = new Set(['electron']);
const required = new Set();

await build({
  configFile: false,
  root,
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: false,
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: { entry: path.join(root, 'electron/preload.ts'), formats: ['cjs'], fileName: () => 'preload.js' },
    rollupOptions: {
      external: (id) => {
        const external = !id.startsWith('.') && !id.startsWith('\0') && !path.isAbsolute(id);
        if (external) required.add(id);
        return external;
      },
    },
  },
});

// tsc's map of the unbundled preload no longer describes the file.
fs.rmSync(path.join(outDir, 'preload.js.map'), { force: true });

const refused = [...required].filter((id) => !SANDBOX_MODULES.has(id));
if (refused.length > 0) {
  process.stderr.write(
    `The preload would require ${refused.join(', ')}, which a sandboxed preload cannot load: ` +
      "import only electron and the app's own pure modules.\n",
  );
  process.exit(1);
}

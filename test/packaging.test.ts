/**
 * The packaging configuration (electron-builder.yml, and electron-builder.e2e.yml for the test
 * build) and the icons it points at. Nothing here builds an installer: that needs Electron's binary
 * and the target platform's tools. What can be pinned without them is pinned: both files are valid
 * for the electron-builder installed here (its own JSON schema, and its own loader for `extends`),
 * the release build's fuses, the targets, the icon files, and that `files` packs exactly what
 * `npm run build` produces.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Ajv, { type ErrorObject } from 'ajv';
import { load } from 'js-yaml';
import type { Configuration } from 'electron-builder';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';

const ROOT = path.join(__dirname, '..');
const RELEASE_CONFIG = 'electron-builder.yml';
const E2E_CONFIG = 'electron-builder.e2e.yml';
const SCHEMA_FILE = path.join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json');

const RELEASE_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};
const ICON_SET_SIZES = [16, 32, 48, 64, 128, 256, 512];

type Json = Record<string, unknown>;

function readYaml(file: string): Json {
  const value: unknown = load(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${file} is not a YAML mapping`);
  return value as Json;
}

function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Json;
}

const release = readYaml(RELEASE_CONFIG) as Configuration;
const e2eRaw = readYaml(E2E_CONFIG) as Configuration;

/** ajv's errors as readable lines, so a failing validation says what is wrong and where. */
function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map(
    (e) => `${e.instancePath || '(root)'} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
  );
}

/** What electron-builder itself makes of a config file: parents merged in, then its validation. */
async function loadAsElectronBuilderDoes(file: string): Promise<Configuration> {
  const config = await getConfig(ROOT, path.join(ROOT, file), null);
  await validateConfiguration(config, {
    isEnabled: false,
    data: new Map(),
    add: () => undefined,
    save: async () => undefined,
  });
  return config;
}

/** Target names of a platform section: `target` may be a name, a list of names or of {target}. */
function targetNames(platform: { target?: unknown } | null | undefined): string[] {
  const raw = platform?.target;
  const list: unknown[] = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  return list.map((t) => (typeof t === 'string' ? t : String((t as { target?: unknown }).target)));
}

/** Width, height, bit depth and colour type from a PNG's IHDR chunk. */
function pngHeader(file: string): { width: number; height: number; bitDepth: number; colourType: number } {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24] ?? 0,
    colourType: bytes[25] ?? 0,
  };
}

/**
 * Alpha of the top-left pixel of an 8-bit RGBA PNG. Whatever the first row's filter, its first
 * pixel is stored unchanged (every predictor is zero there), so inflating the image data suffices.
 */
function topLeftAlpha(file: string): number {
  const bytes = fs.readFileSync(file);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const pixels = zlib.inflateSync(Buffer.concat(idat));
  return pixels[1 + 3] ?? -1; // filter byte, then R G B A
}

describe('electron-builder configuration', () => {
  const schema = JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')) as Json;
  const validate = new Ajv({ strict: false, allowUnionTypes: true, allErrors: true }).compile(schema);

  it.each([RELEASE_CONFIG, E2E_CONFIG])('%s is valid against electron-builder’s own schema', (file) => {
    const valid = validate(readYaml(file));
    expect(describeErrors(validate.errors)).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is validated and merged by electron-builder’s own loader, the e2e file through `extends`', async () => {
    const loadedRelease = await loadAsElectronBuilderDoes(RELEASE_CONFIG);
    const loadedE2e = await loadAsElectronBuilderDoes(E2E_CONFIG);
    expect(e2eRaw.extends).toBe(`./${RELEASE_CONFIG}`);
    // Everything but the inspect fuse and the output folder comes from the release file.
    expect(loadedE2e.productName).toBe(loadedRelease.productName);
    expect(loadedE2e.appId).toBe(loadedRelease.appId);
    expect(loadedE2e.files).toEqual(loadedRelease.files);
    expect(loadedE2e.asar).toBe(true);
    expect(loadedE2e.directories?.buildResources).toBe('assets');
    expect(loadedE2e.directories?.output).toBe('release/e2e');
    expect(loadedE2e.electronFuses).toEqual({ ...RELEASE_FUSES, enableNodeCliInspectArguments: true });
    expect(loadedRelease.electronFuses).toEqual(RELEASE_FUSES);
    // Requiring electron-builder's loader takes 5 s alone on a busy 2-core machine: jest's default is too short.
  }, 60_000);

  it('names the product and writes into release/', () => {
    expect(release.productName).toBe('Transit Ledger');
    expect(release.appId).toBe('com.transitledger.app');
    expect(release.copyright).toMatch(/^Copyright © \d{4} /);
    expect(release.directories).toEqual({ output: 'release', buildResources: 'assets' });
    expect(release.asar).toBe(true);
    // The same product name as package.json's, which is what the app's data folder is named after.
    expect(readJson('package.json').productName).toBe('Transit Ledger');
  });

  it('flips the release fuses: no run-as-node, NODE_OPTIONS or --inspect; app only from a verified asar', () => {
    expect(release.electronFuses).toEqual(RELEASE_FUSES);
  });

  it('turns the inspect fuse on in the e2e config only, and nothing else', () => {
    expect(release.electronFuses?.enableNodeCliInspectArguments).toBe(false);
    expect(e2eRaw.electronFuses).toEqual({ enableNodeCliInspectArguments: true });
  });

  it('builds AppImage and deb on Linux, an NSIS installer on Windows, a dmg on macOS', () => {
    expect(targetNames(release.linux)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(targetNames(release.win)).toEqual(['nsis']);
    expect(targetNames(release.mac)).toEqual(['dmg']);
    expect(release.linux?.category).toMatch(/^(Office|Finance)$/);
    expect(release.mac?.category).toBe('public.app-category.business');
    expect(release.nsis).toMatchObject({
      oneClick: false,
      allowToChangeInstallationDirectory: true,
      perMachine: false,
      deleteAppDataOnUninstall: false,
    });
    expect(release.deb?.depends).toEqual(
      expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libgbm1', 'libasound2']),
    );
  });
});

describe('icons', () => {
  it('has the SVG source and a 1024 px RGBA assets/icon.png with transparent corners', () => {
    const svg = fs.readFileSync(path.join(ROOT, 'assets', 'icon.svg'), 'utf8');
    expect(svg).toMatch(/viewBox="0 0 1024 1024"/);
    const file = path.join(ROOT, 'assets', 'icon.png');
    const { width, height, bitDepth, colourType } = pngHeader(file);
    expect(width).toBeGreaterThanOrEqual(512);
    expect(height).toBe(width);
    expect({ bitDepth, colourType }).toEqual({ bitDepth: 8, colourType: 6 });
    expect(topLeftAlpha(file)).toBe(0);
  });

  it('has the Linux icon set electron-builder expects in the linux.icon folder', () => {
    expect(release.linux?.icon).toBe('assets/icons');
    for (const size of ICON_SET_SIZES) {
      const header = pngHeader(path.join(ROOT, 'assets', 'icons', `${size}x${size}.png`));
      expect([header.width, header.height]).toEqual([size, size]);
    }
  });

  it('gives Windows and macOS a PNG large enough to convert (.ico needs 256 px, .icns 512 px)', () => {
    for (const icon of [release.win?.icon, release.mac?.icon]) {
      expect(icon).toBe('assets/icon.png');
      expect(pngHeader(path.join(ROOT, String(icon))).width).toBeGreaterThanOrEqual(512);
    }
  });
});

describe('files packed into the app', () => {
  const patterns = (release.files ?? []) as string[];

  /** Whether electron-builder's own matcher packs a project file, with the buildResources exclusion it adds. */
  function packs(relative: string): boolean {
    const matcher = new FileMatcher(ROOT, '/', (p) => p, [
      `!${release.directories?.buildResources ?? 'build'}{,/**/*}`,
      ...patterns,
    ]);
    return matcher.createFilter()(path.join(ROOT, relative), { isDirectory: () => false } as fs.Stats);
  }

  it('names only the build output, the window icon and package.json', () => {
    expect(patterns.filter((p) => !p.startsWith('!'))).toEqual([
      'build/electron/**/*.js',
      'dist/renderer/**',
      'assets/icon.png',
      'package.json',
    ]);
    expect(patterns).toContain('!**/*.map');
  });

  it('matches what `npm run build` writes: tsc to build/electron, vite to dist/renderer', () => {
    const tsBuild = readJson('tsconfig.build.json') as {
      compilerOptions: { outDir: string; rootDir: string };
      include: string[];
    };
    expect(tsBuild.compilerOptions).toMatchObject({ outDir: 'build', rootDir: '.' });
    expect(tsBuild.include).toContain('electron/**/*.ts'); // so electron/x.ts → build/electron/x.js
    const vite = fs.readFileSync(path.join(ROOT, 'vite.config.mts'), 'utf8');
    expect(vite).toMatch(/root:\s*'renderer'/);
    expect(vite).toMatch(/outDir:\s*'\.\.\/dist\/renderer'/);
    expect(patterns.some((p) => p.startsWith('build/electron/'))).toBe(true);
    expect(patterns.some((p) => p.startsWith('dist/renderer/'))).toBe(true);
  });

  it('packs the entry point, preload, renderer and window icon, not sources, maps, tests or other assets', () => {
    const main = String(readJson('package.json').main);
    expect(main).toBe('build/electron/main.js');
    for (const file of [
      main,
      'build/electron/preload.js',
      'build/electron/core/service.js',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc123.js',
      'assets/icon.png',
      'package.json',
    ]) {
      expect([file, packs(file)]).toEqual([file, true]);
    }
    for (const file of [
      'build/electron/main.js.map',
      'dist/renderer/assets/index-abc123.js.map',
      'electron/main.ts',
      'renderer/main.tsx',
      'test/packaging.test.ts',
      'assets/icon.svg',
      'assets/icons/16x16.png',
      'bin/transit-ledger.js',
      'README.md',
      'release/transit-ledger-0.1.0-x86_64.AppImage',
    ]) {
      expect([file, packs(file)]).toEqual([file, false]);
    }
  });

  it('packs the icon the main process loads for its window', () => {
    expect(fs.readFileSync(path.join(ROOT, 'electron', 'app-paths.ts'), 'utf8')).toMatch(
      /'assets',\s*'icon\.png'/,
    );
    expect(packs('assets/icon.png')).toBe(true);
  });
});

/** Where the app's own files are, whether run from source (tsx) or from the compiled build/ folder. */
import fs from 'node:fs';
import path from 'node:path';

function findAppRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

export const APP_ROOT = findAppRoot(__dirname);
export const RENDERER_DIR = path.join(APP_ROOT, 'dist', 'renderer');
export const ICON_FILE = path.join(APP_ROOT, 'assets', 'icon.png');

/**
 * The main window comes back where the person left it: size and position saved beside the ledger,
 * and ignored when the screen it was on is no longer attached.
 */
import fs from 'node:fs';
import path from 'node:path';
import { makeFolders } from './core/folders';

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Bounds | null;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
const MIN_SIZE = { width: 960, height: 640 } as const;

function isBounds(value: unknown): value is Bounds {
  if (typeof value !== 'object' || value === null) return false;
  const b = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((key) => Number.isInteger(b[key]));
}

export function readWindowState(file: string): WindowState {
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { bounds?: unknown; maximized?: unknown };
    return { bounds: isBounds(saved.bounds) ? saved.bounds : null, maximized: saved.maximized === true };
  } catch {
    return { bounds: null, maximized: false };
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  try {
    makeFolders(path.dirname(file));
    fs.writeFileSync(file, JSON.stringify(state));
  } catch {
    // Losing the window position is no reason to bother anyone.
  }
}

/** The saved bounds if most of the window would be on one of the displays' work areas, else null. */
export function visibleBounds(saved: Bounds | null, workAreas: readonly Bounds[]): Bounds | null {
  if (!saved || saved.width < MIN_SIZE.width || saved.height < MIN_SIZE.height) return null;
  const onScreen = workAreas.some((area) => {
    const width = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x);
    const height = Math.min(saved.y + saved.height, area.y + area.height) - Math.max(saved.y, area.y);
    return width > 0 && height > 0 && width * height >= 0.5 * saved.width * saved.height;
  });
  return onScreen ? saved : null;
}

export { MIN_SIZE };

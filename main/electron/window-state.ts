import { readFile, rename, writeFile } from "node:fs/promises";

/** The window's remembered size and position (stored as JSON in Electron's userData folder). */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1440, height: 900, maximized: false };
export const MIN_WINDOW_SIZE = { width: 800, height: 560 };

export async function loadWindowState(file: string): Promise<WindowState> {
  try {
    return parseWindowState(JSON.parse(await readFile(file, "utf8")));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  const temporary = `${file}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temporary, file);
}

/** Accepts only sane numbers; anything else falls back to the defaults. */
export function parseWindowState(value: unknown): WindowState {
  const record = (value ?? {}) as Record<string, unknown>;
  const int = (key: string) => (Number.isInteger(record[key]) ? (record[key] as number) : undefined);
  const width = int("width");
  const height = int("height");
  const state: WindowState = {
    width: width && width >= MIN_WINDOW_SIZE.width ? width : DEFAULT_WINDOW_STATE.width,
    height: height && height >= MIN_WINDOW_SIZE.height ? height : DEFAULT_WINDOW_STATE.height,
    maximized: record.maximized === true,
  };
  const x = int("x");
  const y = int("y");
  if (x !== undefined && y !== undefined) Object.assign(state, { x, y });
  return state;
}

/**
 * Keeps a remembered window reachable: when the display it was on is gone (a laptop unplugged
 * from its monitor) the position is dropped so the window opens centred, and a size larger than
 * the biggest display's work area is shrunk to fit.
 */
export function fitToDisplays(state: WindowState, workAreas: Rectangle[]): WindowState {
  if (workAreas.length === 0) return state;
  const largest = workAreas.reduce((a, b) => (a.width * a.height >= b.width * b.height ? a : b));
  const fitted: WindowState = {
    ...state,
    width: Math.min(state.width, largest.width),
    height: Math.min(state.height, largest.height),
  };
  if (state.x === undefined || state.y === undefined) return fitted;
  const titleBar = { x: state.x, y: state.y, width: fitted.width, height: 40 };
  const visible = workAreas.some((area) => overlapArea(titleBar, area) >= 40 * 40);
  if (visible) return fitted;
  const { x: _x, y: _y, ...centred } = fitted;
  return centred;
}

function overlapArea(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** What the tracker needs of a BrowserWindow. */
export interface TrackedWindow {
  on(event: "resize" | "move" | "close", listener: () => void): unknown;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  getNormalBounds(): Rectangle;
}

/** Saves the window's state after it stops moving or resizing, and once more when it closes. */
export function trackWindowState(window: TrackedWindow, save: (state: WindowState) => void, delayMs = 500): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const snapshot = (): WindowState | undefined => {
    if (window.isMinimized() || window.isFullScreen()) return undefined;
    return { ...window.getNormalBounds(), maximized: window.isMaximized() };
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const state = snapshot();
      if (state) save(state);
    }, delayMs);
  };
  window.on("resize", saveSoon);
  window.on("move", saveSoon);
  window.on("close", () => {
    clearTimeout(timer);
    const state = snapshot();
    if (state) save(state);
  });
}

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_WINDOW_STATE, fitToDisplays, loadWindowState, parseWindowState, saveWindowState, trackWindowState } from "../../../main/electron/window-state";
import { FakeBrowserWindow } from "./fake-electron";

const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe("window state", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "switchyard-window-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("round-trips through its file", async () => {
    const file = join(dir, "window-state.json");
    await saveWindowState(file, { x: 5, y: 6, width: 1000, height: 700, maximized: true });
    expect(await loadWindowState(file)).toEqual({ x: 5, y: 6, width: 1000, height: 700, maximized: true });
  });

  it("falls back to defaults for a missing or broken file", async () => {
    expect(await loadWindowState(join(dir, "missing.json"))).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(join(dir, "broken.json"), "{not json");
    expect(await loadWindowState(join(dir, "broken.json"))).toEqual(DEFAULT_WINDOW_STATE);
  });

  it("rejects nonsense values", () => {
    expect(parseWindowState({ width: -5, height: "x", x: 1.5, maximized: "yes" })).toEqual(DEFAULT_WINDOW_STATE);
  });

  it("keeps a window that is on a display", () => {
    const state = { x: 100, y: 100, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [screen])).toEqual(state);
  });

  it("centres a window whose display is gone, and shrinks it to fit", () => {
    expect(fitToDisplays({ x: 3000, y: 100, width: 2500, height: 800, maximized: false }, [screen])).toEqual({ width: 1920, height: 800, maximized: false });
  });

  it("saves after moving stops and when the window closes", async () => {
    const window = new FakeBrowserWindow({});
    const saved: unknown[] = [];
    trackWindowState(window, (state) => saved.push(state), 5);
    window.emit("move");
    window.emit("resize");
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    window.emit("close");
    expect(saved).toEqual([
      { x: 10, y: 20, width: 1200, height: 800, maximized: false },
      { x: 10, y: 20, width: 1200, height: 800, maximized: false },
    ]);
  });
});

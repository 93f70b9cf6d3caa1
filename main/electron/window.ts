import type { BrowserWindowConstructorOptions } from "electron";
import { secureWebPreferences } from "./security";
import { MIN_WINDOW_SIZE, type WindowState } from "./window-state";

export interface MainWindowOptions {
  /** Absolute path of the built preload (out/electron/preload.cjs). */
  preload: string;
  /** DevTools exist only in development builds. */
  isDevelopment: boolean;
  /** The remembered state, already fitted to the current displays. */
  state: WindowState;
  icon?: string;
}

/** The options of the one app window: remembered bounds, hidden until painted, secure webPreferences. */
export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  const { state } = options;
  return {
    title: "Switchyard",
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: "#1e1f22",
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences({ preload: options.preload, devTools: options.isDevelopment }),
  };
}

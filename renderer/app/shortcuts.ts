/** Every shortcut of the app, in one table: the key handler, tooltips and the help overlay read it. */
export type ShortcutId =
  | "save"
  | "undo"
  | "redo"
  | "copy"
  | "paste"
  | "duplicate"
  | "selectAll"
  | "delete"
  | "quickAdd"
  | "layout"
  | "fit"
  | "help"
  | "toggleSidebar"
  | "toggleBottom"
  | "toggleInspector"
  | "run"
  | "continueRun"
  | "stepRun"
  | "cancelRun"
  | "breakpointBefore"
  | "breakpointAfter"
  | "snap"
  | "minimap"
  | "theme"
  | "settings"
  | "escape";

export interface Shortcut {
  id: ShortcutId;
  keys: string[];
  label: string;
  group: "File" | "Edit" | "Canvas" | "View" | "Run";
  /** Works while typing in a text field too. */
  inInputs?: boolean;
}

export const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? "⌘" : "Ctrl";

export const shortcuts: Shortcut[] = [
  { id: "save", keys: [`${MOD}+S`], label: "Save", group: "File", inInputs: true },
  { id: "run", keys: [`${MOD}+Enter`], label: "Run graph", group: "Run", inInputs: true },
  { id: "continueRun", keys: ["F8", "F5"], label: "Continue", group: "Run", inInputs: true },
  { id: "stepRun", keys: ["F10"], label: "Step to the next node", group: "Run", inInputs: true },
  { id: "cancelRun", keys: ["Shift+F5"], label: "Cancel run", group: "Run", inInputs: true },
  { id: "breakpointBefore", keys: ["F9"], label: "Toggle pause before (selected node)", group: "Run" },
  { id: "breakpointAfter", keys: ["Shift+F9"], label: "Toggle pause after (selected node)", group: "Run" },
  { id: "undo", keys: [`${MOD}+Z`], label: "Undo", group: "Edit" },
  { id: "redo", keys: [`${MOD}+Shift+Z`, `${MOD}+Y`], label: "Redo", group: "Edit" },
  { id: "copy", keys: [`${MOD}+C`], label: "Copy nodes", group: "Edit" },
  { id: "paste", keys: [`${MOD}+V`], label: "Paste nodes", group: "Edit" },
  { id: "duplicate", keys: [`${MOD}+D`], label: "Duplicate nodes", group: "Edit" },
  { id: "selectAll", keys: [`${MOD}+A`], label: "Select all", group: "Edit" },
  { id: "delete", keys: ["Delete", "Backspace"], label: "Delete selection", group: "Edit" },
  { id: "quickAdd", keys: ["A", `${MOD}+K`], label: "Quick add node", group: "Canvas" },
  { id: "layout", keys: ["Shift+L"], label: "Auto-layout", group: "Canvas" },
  { id: "fit", keys: ["F"], label: "Fit view", group: "Canvas" },
  { id: "snap", keys: ["G"], label: "Snap to grid on/off", group: "Canvas" },
  { id: "minimap", keys: ["M"], label: "Minimap on/off", group: "Canvas" },
  { id: "toggleSidebar", keys: [`${MOD}+B`], label: "Show/hide sidebar", group: "View", inInputs: true },
  { id: "toggleBottom", keys: [`${MOD}+J`], label: "Show/hide bottom panel", group: "View", inInputs: true },
  { id: "toggleInspector", keys: [`${MOD}+I`], label: "Show/hide inspector", group: "View", inInputs: true },
  { id: "theme", keys: ["Shift+T"], label: "Dark/light theme", group: "View" },
  { id: "settings", keys: [`${MOD}+,`], label: "Settings (model providers, keys)", group: "View", inInputs: true },
  { id: "help", keys: ["?", "F1"], label: "Keyboard shortcuts", group: "View" },
  { id: "escape", keys: ["Esc"], label: "Close dialog / clear selection", group: "View" },
];

const byId = new Map(shortcuts.map((shortcut) => [shortcut.id, shortcut]));

/** "Save (Ctrl+S)": a control's tooltip names its shortcut. */
export function withShortcut(label: string, id: ShortcutId): string {
  const shortcut = byId.get(id);
  return shortcut ? `${label} (${shortcut.keys[0]})` : label;
}

export function shortcutFor(event: KeyboardEvent): ShortcutId | null {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (mod && !event.altKey) {
    if (key === "s") return "save";
    if (key === "z") return event.shiftKey ? "redo" : "undo";
    if (key === "y") return "redo";
    if (key === "c") return "copy";
    if (key === "v") return "paste";
    if (key === "d") return "duplicate";
    if (key === "a") return "selectAll";
    if (key === "k") return "quickAdd";
    if (key === "b") return "toggleSidebar";
    if (key === "j") return "toggleBottom";
    if (key === "i") return "toggleInspector";
    if (key === "Enter") return "run";
    if (key === ",") return "settings";
    return null;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (key === "F5") return event.shiftKey ? "cancelRun" : "continueRun";
  if (key === "F8" && !event.shiftKey) return "continueRun";
  if (key === "F10") return "stepRun";
  if (key === "F9") return event.shiftKey ? "breakpointAfter" : "breakpointBefore";
  if (key === "Delete" || key === "Backspace") return "delete";
  if (key === "Escape") return "escape";
  if (key === "F1" || key === "?") return "help";
  if (key === "l" && event.shiftKey) return "layout";
  if (key === "t" && event.shiftKey) return "theme";
  if (event.shiftKey) return null;
  if (key === "a") return "quickAdd";
  if (key === "f") return "fit";
  if (key === "g") return "snap";
  if (key === "m") return "minimap";
  return null;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

export function shortcutInfo(id: ShortcutId): Shortcut | undefined {
  return byId.get(id);
}

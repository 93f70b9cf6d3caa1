import { commandInfo, COMMAND_TABLE, type CommandId } from "../../shared/command-table";

/**
 * Keys of the shared command table (Electron accelerators such as "CmdOrCtrl+Shift+Z") matched
 * against key events and written for people ("Ctrl+Shift+Z", "⌘+Shift+Z").
 */
export const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);

interface Chord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

const KEY_NAMES: Record<string, string> = { esc: "Escape", escape: "Escape", enter: "Enter", return: "Enter", delete: "Delete", backspace: "Backspace", plus: "+", left: "ArrowLeft", right: "ArrowRight", up: "ArrowUp", down: "ArrowDown" };

function chordOf(accelerator: string): Chord {
  const parts = accelerator.split("+");
  // "CmdOrCtrl++" would split into an empty last part; the table writes "Plus" instead.
  const key = parts.pop()!;
  const modifiers = new Set(parts.map((part) => part.toLowerCase()));
  const named = KEY_NAMES[key.toLowerCase()];
  return {
    mod: modifiers.has("cmdorctrl") || modifiers.has("commandorcontrol") || modifiers.has(isMac ? "cmd" : "ctrl"),
    shift: modifiers.has("shift"),
    alt: modifiers.has("alt"),
    key: named ?? (key.length === 1 ? key.toLowerCase() : key),
  };
}

/** Punctuation such as "?" is typed with Shift on most layouts: Shift does not change which key it is. */
const shiftFree = (key: string) => key.length === 1 && !/[a-z0-9]/.test(key);

export function matchesKey(accelerator: string, event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">): boolean {
  const chord = chordOf(accelerator);
  const mod = isMac ? event.metaKey : event.ctrlKey;
  const otherMod = isMac ? event.ctrlKey : event.metaKey;
  if (mod !== chord.mod || otherMod || event.altKey !== chord.alt) return false;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key !== chord.key) return false;
  return shiftFree(chord.key) || event.shiftKey === chord.shift;
}

/** The command a key press asks for, or null. */
export function commandForKey(event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">): CommandId | null {
  for (const command of COMMAND_TABLE) {
    if (command.keys.some((key) => matchesKey(key, event))) return command.id;
  }
  return null;
}

/** "CmdOrCtrl+Shift+Z" as this platform writes it: "Ctrl+Shift+Z" or "⌘+Shift+Z". */
export function keyLabel(accelerator: string): string {
  return accelerator
    .split("+")
    .map((part) => (/^(CmdOrCtrl|CommandOrControl)$/i.test(part) ? (isMac ? "⌘" : "Ctrl") : part === "Escape" ? "Esc" : part))
    .join("+");
}

/** Every key of a command, as people read them. */
export function keyLabels(id: CommandId): string[] {
  return commandInfo(id).keys.map(keyLabel);
}

/** "Save (Ctrl+S)": a control's tooltip names its shortcut. */
export function withShortcut(label: string, id: CommandId): string {
  const [first] = keyLabels(id);
  return first ? `${label} (${first})` : label;
}

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

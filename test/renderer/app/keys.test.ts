import { COMMAND_TABLE } from "../../../shared/command-table";
import { commandForKey, keyLabel, matchesKey, withShortcut } from "../../../renderer/app/keys";

const press = (key: string, modifiers: Partial<Record<"ctrlKey" | "metaKey" | "altKey" | "shiftKey", boolean>> = {}) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers });

describe("keys of the command table", () => {
  it.each([
    [press("s", { ctrlKey: true }), "file.save"],
    [press("z", { ctrlKey: true }), "edit.undo"],
    [press("Z", { ctrlKey: true, shiftKey: true }), "edit.redo"],
    [press("y", { ctrlKey: true }), "edit.redo"],
    [press("P", { ctrlKey: true, shiftKey: true }), "view.command-palette"],
    [press("Enter", { ctrlKey: true }), "run.run"],
    [press("F5"), "run.continue"],
    [press("F8"), "run.continue"],
    [press("F5", { shiftKey: true }), "run.cancel"],
    [press("F9", { shiftKey: true }), "run.toggle-breakpoint-after"],
    [press("f"), "view.fit"],
    [press("a"), "canvas.quick-add"],
    [press("a", { ctrlKey: true }), "edit.select-all"],
    [press("T", { shiftKey: true }), "view.toggle-theme"],
    [press("?", { shiftKey: true }), "help.shortcuts"],
    [press("Escape"), "edit.deselect"],
    [press("=", { ctrlKey: true }), "view.zoom-in"],
  ])("%o runs %s", (event, id) => {
    expect(commandForKey(event)).toBe(id);
  });

  it.each([press("f", { altKey: true }), press("t"), press("s", { ctrlKey: true, altKey: true }), press("F", { shiftKey: true }), press("q")])("%o runs nothing", (event) => {
    expect(commandForKey(event)).toBeNull();
  });

  it("no two commands share a key", () => {
    const seen = new Map<string, string>();
    for (const command of COMMAND_TABLE) {
      for (const key of command.keys) {
        expect(seen.get(key.toLowerCase()), `${key} of ${command.id}`).toBeUndefined();
        seen.set(key.toLowerCase(), command.id);
      }
    }
  });

  it("every key of the table matches the key press it names", () => {
    for (const command of COMMAND_TABLE) {
      for (const key of command.keys) {
        const parts = key.split("+");
        const last = parts.at(-1)!;
        const named: Record<string, string> = { Esc: "Escape", Left: "ArrowLeft", Right: "ArrowRight", Up: "ArrowUp", Down: "ArrowDown" };
        const event = press(named[last] ?? (last.length === 1 ? last.toLowerCase() : last), { ctrlKey: parts.includes("CmdOrCtrl"), shiftKey: parts.includes("Shift"), altKey: parts.includes("Alt") });
        expect(matchesKey(key, event), key).toBe(true);
      }
    }
  });

  it("labels keys as people read them", () => {
    expect(keyLabel("CmdOrCtrl+Shift+P")).toBe("Ctrl+Shift+P");
    expect(withShortcut("Save", "file.save")).toBe("Save (Ctrl+S)");
    expect(withShortcut("About", "help.about")).toBe("About");
  });
});

import { COMMAND_TABLE } from "../../../../shared/command-table";
import { MENU_COMMANDS } from "../../../../shared/desktop-bridge";
import { appCommands, canRunCommand, runCommand } from "../../../../renderer/commands/registry/app-commands";
import type { CommandContext } from "../../../../renderer/commands/registry/command-context";
import { commandRegistry } from "../../../../renderer/commands/registry/command-registry";
import { commitDoc, loadDoc, useGraphStore } from "../../../../renderer/stores/graph-store";
import { useUiStore } from "../../../../renderer/stores/ui-store";
import { seedDoc } from "../seed";

const base: CommandContext = {
  graph: null,
  graphOpen: false,
  dirty: false,
  canUndo: false,
  canRedo: false,
  selectedNodes: [],
  runStatus: "idle",
  hasThread: false,
  problems: 0,
  typing: false,
  desktop: false,
  selectedCheckpoint: null,
  recorded: false,
  pinnedNodes: [],
};
const editable: CommandContext = { ...base, graph: { name: "agent", editable: true }, graphOpen: true };
const codeGraph: CommandContext = { ...base, graph: { name: "agent", editable: false }, graphOpen: true };

describe("the command registry", () => {
  it("has one command per entry of the shared table, with the table's title and keys", () => {
    expect(Object.keys(appCommands).sort()).toEqual(COMMAND_TABLE.map((command) => command.id).sort());
    for (const info of COMMAND_TABLE) expect(appCommands[info.id]).toMatchObject({ id: info.id, title: info.title, keys: info.keys });
    for (const id of MENU_COMMANDS) expect(appCommands[id], id).toBeDefined();
  });

  it("refuses a table entry without behaviour", () => {
    expect(() => commandRegistry({} as never)).toThrow(/file.new-graph has no behaviour/);
  });

  it("no graph: nothing that needs one can run; new, import, theme and help can", () => {
    for (const id of ["file.save", "file.export-graph", "file.close-graph", "view.fit", "view.zoom-in", "run.run", "edit.undo", "canvas.quick-add"] as const) expect(canRunCommand(id, base), id).toBe(false);
    for (const id of ["file.new-graph", "file.import-graph", "view.toggle-theme", "help.shortcuts", "help.about", "view.command-palette"] as const) expect(canRunCommand(id, base), id).toBe(true);
  });

  it("a graph from code or a deployment is drawn and run, never edited or saved", () => {
    for (const id of ["view.fit", "canvas.layout", "run.run", "file.close-graph"] as const) expect(canRunCommand(id, codeGraph), id).toBe(true);
    for (const id of ["file.save", "file.export-graph", "canvas.quick-add", "edit.paste", "edit.delete", "edit.duplicate"] as const) expect(canRunCommand(id, codeGraph), id).toBe(false);
    for (const id of ["file.save", "file.export-graph", "canvas.quick-add", "edit.paste"] as const) expect(canRunCommand(id, editable), id).toBe(true);
  });

  it("undo needs history, except in a text field (where it undoes typing)", () => {
    expect(canRunCommand("edit.undo", editable)).toBe(false);
    expect(canRunCommand("edit.undo", { ...editable, canUndo: true })).toBe(true);
    expect(canRunCommand("edit.undo", { ...base, typing: true })).toBe(true);
    expect(canRunCommand("edit.redo", { ...editable, canRedo: true })).toBe(true);
  });

  it("run controls follow the run: continue and step on a stopped thread, cancel while running, run not twice", () => {
    const paused = { ...editable, hasThread: true, runStatus: "paused" as const };
    expect(canRunCommand("run.continue", paused)).toBe(true);
    expect(canRunCommand("run.step", paused)).toBe(true);
    expect(canRunCommand("run.cancel", paused)).toBe(false);
    expect(canRunCommand("run.continue", { ...paused, hasThread: false })).toBe(false);
    const running = { ...paused, runStatus: "running" as const };
    expect(canRunCommand("run.cancel", running)).toBe(true);
    expect(canRunCommand("run.run", running)).toBe(false);
    expect(canRunCommand("run.continue", running)).toBe(false);
  });

  it("breakpoints act on the selected nodes; without a selection the command cannot run", () => {
    expect(canRunCommand("run.toggle-breakpoint", editable)).toBe(false);
    expect(canRunCommand("run.toggle-breakpoint", { ...codeGraph, selectedNodes: ["agent"] })).toBe(true);
  });

  it("replay, pins and run-one-node need this workspace's server; re-run needs a chosen checkpoint, pin and run-node one node", () => {
    const thread = { ...editable, recorded: true, hasThread: true, runStatus: "done" as const };
    expect(canRunCommand("run.rerun-replay", thread)).toBe(false);
    expect(canRunCommand("run.rerun-replay", { ...thread, selectedCheckpoint: "c1" })).toBe(true);
    expect(canRunCommand("run.rerun-replay", { ...thread, selectedCheckpoint: "c1", recorded: false })).toBe(false);
    expect(canRunCommand("run.rerun-live", { ...thread, selectedCheckpoint: "c1", recorded: false })).toBe(true);
    expect(canRunCommand("run.rerun-live", { ...thread, selectedCheckpoint: "c1", runStatus: "running" })).toBe(false);
    expect(canRunCommand("run.pin-output", thread)).toBe(false);
    expect(canRunCommand("run.pin-output", { ...thread, selectedNodes: ["agent"] })).toBe(true);
    expect(canRunCommand("run.pin-output", { ...thread, selectedNodes: ["agent", "action"] })).toBe(false);
    expect(canRunCommand("run.unpin", { ...thread, selectedNodes: ["agent"] })).toBe(false);
    expect(canRunCommand("run.unpin", { ...thread, selectedNodes: ["agent"], pinnedNodes: ["agent"] })).toBe(true);
    expect(canRunCommand("run.run-node", { ...thread, selectedNodes: ["agent"] })).toBe(true);
    expect(canRunCommand("run.run-node", { ...thread, selectedNodes: ["agent"], hasThread: false })).toBe(false);
    expect(canRunCommand("view.pins", thread)).toBe(true);
    expect(canRunCommand("view.pins", base)).toBe(false);
  });

  it("running a command changes the stores; a command that cannot run changes nothing", () => {
    loadDoc("agent", seedDoc(), null);
    const context = { ...editable, selectedNodes: ["ask_human", "action"] };
    expect(runCommand("run.toggle-breakpoint-after", context)).toBe(true);
    const nodes = useGraphStore.getState().doc!.nodes;
    expect(nodes.find((node) => node.id === "action")!.breakpoint?.after).toBe(true);
    expect(nodes.find((node) => node.id === "ask_human")!.breakpoint?.after).toBe(true);

    const theme = useUiStore.getState().theme;
    expect(runCommand("view.toggle-theme", base)).toBe(true);
    expect(useUiStore.getState().theme).not.toBe(theme);

    const before = useGraphStore.getState().doc!;
    commitDoc({ ...before, description: "edited" }, { history: true });
    expect(runCommand("edit.undo", { ...editable, canUndo: false })).toBe(false);
    expect(useGraphStore.getState().doc!.description).toBe("edited");
    expect(runCommand("edit.undo", { ...editable, canUndo: true })).toBe(true);
    expect(useGraphStore.getState().doc).toBe(before);
  });

  it("Escape closes the palette and popups first, then clears the selection", () => {
    useUiStore.setState({ paletteOpen: true, helpOpen: true });
    runCommand("edit.deselect", base);
    expect(useUiStore.getState()).toMatchObject({ paletteOpen: false, helpOpen: false });
  });
});

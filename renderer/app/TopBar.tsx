import { useUnsavedEdits } from "../stores/unsaved-edits";
import { useEffect, useRef, useState } from "react";
import { runGraph } from "../commands/run-graph";
import { runCommand } from "../commands/registry/app-commands";
import { RunToolbar } from "../panels/run/RunToolbar";
import { useGraphStore } from "../stores/graph-store";
import { useProblems } from "../stores/problems-store";
import { useRunStore } from "../stores/run-store";
import { useUiStore } from "../stores/ui-store";
import { useWorkspaceStore } from "../stores/workspace-store";
import { useStore } from "zustand";
import { SettingsButton } from "../panels/settings/SettingsDialog";
import { ConnectButton } from "../panels/deployment/ConnectDialog";
import { ExportMenu } from "../panels/export/ExportMenu";
import { isEditable, useOpenGraph } from "../stores/open-graph-store";
import { useIsGraphShown } from "../stores/open-graph-facts";
import { Icon } from "./Icon";
import { withShortcut } from "./keys";

const DEFAULT_INPUT = "Use the search tool to ask the user where they are, then look up the weather there";

/** Title, document actions, save state and Run. */
export function TopBar() {
  const graphName = useGraphStore((state) => state.graphName);
  const hasDoc = useIsGraphShown();
  const readOnly = useOpenGraph((state) => !isEditable(state.graph));
  const dirty = useUnsavedEdits();
  const problemCount = useProblems((index) => index.all.length);
  const workspace = useWorkspaceStore((state) => state.name);
  const saveStatus = useWorkspaceStore((state) => state.saveStatus);
  const canUndo = useStore(useGraphStore.temporal, (state) => state.pastStates.length > 0);
  const canRedo = useStore(useGraphStore.temporal, (state) => state.futureStates.length > 0);
  const theme = useUiStore((state) => state.theme);
  const status = useRunStore((state) => state.status);
  const saveText = readOnly ? "Read-only" : saveStatus === "saving" ? "Saving…" : saveStatus === "error" ? "Save failed" : dirty ? "Unsaved changes" : hasDoc ? "Saved" : "";
  return (
    <header className="sy-topbar">
      <div className="sy-brand" aria-label="Switchyard">
        <span className="sy-logo" aria-hidden="true">
          <Icon name="graph" size={15} />
        </span>
        <span className="sy-title">
          <span className="sy-title-app">Switchyard</span>
          {workspace && <span className="sy-title-sep">/</span>}
          {workspace && <span className="sy-title-ws">{workspace}</span>}
          {graphName && <span className="sy-title-sep">/</span>}
          {graphName && <span className="sy-title-graph">{graphName}</span>}
          {dirty && <span className="sy-dirty-dot" role="img" aria-label="unsaved changes" title="Unsaved changes" />}
        </span>
      </div>
      <div className="sy-toolbar" role="toolbar" aria-label="Graph actions">
        <button type="button" className="sy-tool" aria-label="Undo" title={withShortcut("Undo", "edit.undo")} onClick={() => runCommand("edit.undo")} disabled={!canUndo}>
          <Icon name="undo" />
        </button>
        <button type="button" className="sy-tool" aria-label="Redo" title={withShortcut("Redo", "edit.redo")} onClick={() => runCommand("edit.redo")} disabled={!canRedo}>
          <Icon name="redo" />
        </button>
        <span className="sy-tool-sep" />
        <button type="button" className="sy-tool" aria-label="Auto-layout" title={withShortcut("Auto-layout", "canvas.layout")} onClick={() => runCommand("canvas.layout")} disabled={!hasDoc}>
          <Icon name="layout" />
        </button>
        <button type="button" className="sy-tool" aria-label="Fit view" title={withShortcut("Fit view", "view.fit")} onClick={() => runCommand("view.fit")} disabled={!hasDoc}>
          <Icon name="fit" />
        </button>
        <button type="button" className="sy-tool" aria-label="Quick add node" title={withShortcut("Quick add node", "canvas.quick-add")} onClick={() => runCommand("canvas.quick-add")} disabled={!hasDoc || readOnly}>
          <Icon name="plus" />
        </button>
        <span className="sy-tool-sep" />
        <span className={`sy-save-state ${dirty ? "is-dirty" : ""} ${saveStatus === "error" ? "is-error" : ""}`} role="status" aria-label={`Save state: ${saveText || "no graph open"}`}>
          {saveText}
        </span>
        <button type="button" className="sy-tool" aria-label="Save" title={withShortcut("Save", "file.save")} onClick={() => runCommand("file.save")} disabled={!hasDoc || readOnly}>
          <Icon name="save" />
        </button>
      </div>
      <div className="sy-topbar-right">
        <RunButton disabled={!hasDoc || status === "running"} problemCount={problemCount} />
        <RunToolbar />
        <span className="sy-tool-sep" />
        <PanelToggles />
        <ExportMenu />
        <ConnectButton />
        <SettingsButton />
        <button type="button" className="sy-tool" aria-label={theme === "dark" ? "Switch to light theme" : "Switch to dark theme"} title={withShortcut("Theme", "view.toggle-theme")} onClick={() => runCommand("view.toggle-theme")}>
          <Icon name={theme === "dark" ? "sun" : "moon"} />
        </button>
        <button type="button" className="sy-tool" aria-label="Keyboard shortcuts" title={withShortcut("Keyboard shortcuts", "help.shortcuts")} onClick={() => runCommand("help.shortcuts")}>
          <Icon name="keyboard" />
        </button>
      </div>
    </header>
  );
}

function RunButton({ disabled, problemCount }: { disabled: boolean; problemCount: number }) {
  const open = useUiStore((state) => state.runPopoverOpen);
  const [input, setInput] = useState(DEFAULT_INPUT);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (open) ref.current?.select();
  }, [open]);
  const start = () => {
    useUiStore.setState({ runPopoverOpen: false });
    void runGraph(input);
  };
  return (
    <div className="sy-run">
      <button
        type="button"
        className="sy-button is-run is-small"
        disabled={disabled}
        aria-label="Run"
        aria-haspopup="dialog"
        aria-expanded={open}
        title={problemCount ? `${problemCount} problem(s) must be fixed before running` : withShortcut("Run graph", "run.run")}
        onClick={() => {
          if (problemCount) return void runGraph("");
          useUiStore.setState({ runPopoverOpen: !open });
        }}
      >
        <Icon name="play" size={13} /> Run
      </button>
      {open && (
        <div className="sy-popover" role="dialog" aria-label="Run input">
          <label className="sy-label" htmlFor="sy-run-input">
            First message
          </label>
          <textarea
            id="sy-run-input"
            ref={ref}
            className="sy-input"
            rows={3}
            value={input}
            onChange={(event) => setInput(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) start();
              if (event.key === "Escape") useUiStore.setState({ runPopoverOpen: false });
            }}
          />
          <div className="sy-inline is-end">
            <button type="button" className="sy-button is-ghost is-small" onClick={() => useUiStore.setState({ runPopoverOpen: false })}>
              Cancel
            </button>
            <button type="button" className="sy-button is-primary is-small" onClick={start}>
              <Icon name="play" size={13} /> Start run
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** VS Code's layout controls: show or hide the sidebar, bottom panel and inspector. */
function PanelToggles() {
  const sidebar = useUiStore((state) => state.sidebarOpen);
  const bottom = useUiStore((state) => state.bottomOpen);
  const inspector = useUiStore((state) => state.inspectorOpen);
  return (
    <>
      <button type="button" className={`sy-tool ${sidebar ? "is-on" : ""}`} aria-label="Sidebar" aria-pressed={sidebar} title={withShortcut("Show/hide sidebar", "view.toggle-sidebar")} onClick={() => runCommand("view.toggle-sidebar")}>
        <Icon name="sidebar" />
      </button>
      <button type="button" className={`sy-tool ${bottom ? "is-on" : ""}`} aria-label="Bottom panel" aria-pressed={bottom} title={withShortcut("Show/hide bottom panel", "view.toggle-bottom")} onClick={() => runCommand("view.toggle-bottom")}>
        <Icon name="panelBottom" />
      </button>
      <button type="button" className={`sy-tool ${inspector ? "is-on" : ""}`} aria-label="Inspector panel" aria-pressed={inspector} title={withShortcut("Show/hide inspector", "view.toggle-inspector")} onClick={() => runCommand("view.toggle-inspector")}>
        <Icon name="panelRight" />
      </button>
      <span className="sy-tool-sep" />
    </>
  );
}

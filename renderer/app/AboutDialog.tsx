import { useEffect, useState } from "react";
import { desktopBridge, type DesktopAppInfo } from "../../shared/desktop-bridge";
import { IconButton } from "../panels/forms/controls";
import { useUiStore } from "../stores/ui-store";
import { useWorkspaceStore } from "../stores/workspace-store";

/** Help > About Switchyard: the version and workspace, from the desktop shell (appInfo) or, in web mode, the page's server. */
export function AboutDialog() {
  const workspacePath = useWorkspaceStore((state) => state.path);
  const [info, setInfo] = useState<DesktopAppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const bridge = desktopBridge();
    if (!bridge) return;
    bridge.appInfo().then(setInfo, (reason: Error) => setError(reason.message));
  }, []);
  const close = () => useUiStore.setState({ aboutOpen: false });
  const rows: [string, string][] = info
    ? [
        ["Version", info.version],
        ["Platform", info.platform],
        ["Workspace", info.workspace],
        ...(info.graph ? ([["Opened with", info.graph]] as [string, string][]) : []),
      ]
    : [
        ["Mode", desktopBridge() ? "Desktop" : "Web (served by switchyard serve)"],
        ["Workspace", workspacePath],
      ];
  return (
    <div className="sy-overlay is-dim" onMouseDown={close}>
      <div className="sy-dialog is-about" role="dialog" aria-modal="true" aria-labelledby="sy-about-title" onMouseDown={(event) => event.stopPropagation()} onKeyDown={(event) => event.key === "Escape" && close()}>
        <div className="sy-dialog-head">
          <h2 id="sy-about-title">About Switchyard</h2>
          <IconButton icon="x" label="Close about" onClick={close} />
        </div>
        <p>Design, run and debug LangGraph agent graphs.</p>
        <dl className="sy-about-rows">
          {rows.map(([label, value]) => (
            <div key={label} className="sy-help-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {error && <p role="alert">Could not ask the desktop shell: {error}</p>}
      </div>
    </div>
  );
}

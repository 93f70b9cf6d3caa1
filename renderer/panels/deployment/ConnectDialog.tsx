import { useEffect, useRef, useState } from "react";
import { Icon } from "../../app/Icon";
import {
  closeDeploymentDialog,
  connectDeployment,
  disconnectDeployment,
  openDeploymentDialog,
  openDeploymentGraph,
  openDeploymentThread,
  rememberedDeployment,
  resumePendingConnection,
} from "../../commands/deployment/connect-deployment";
import { useDeploymentStore } from "../../stores/deployment-store";
import "../../styles/deployment.css";

/** The top bar's "Connect to deployment…" button and its dialog. */
export function ConnectButton() {
  const open = useDeploymentStore((state) => state.dialogOpen);
  const connected = useDeploymentStore((state) => state.status === "connected");
  // The desktop window reloads once to allow a new deployment origin; finish that connection.
  useEffect(() => void resumePendingConnection(), []);
  return (
    <>
      <button type="button" className={`sy-tool ${connected ? "is-on" : ""}`} aria-label="Connect to deployment…" aria-haspopup="dialog" title="Connect to a LangGraph deployment…" onClick={openDeploymentDialog}>
        <Icon name="cloud" />
      </button>
      {open && <ConnectDialog />}
    </>
  );
}

/** URL + optional API key; once connected, the deployment's assistants and threads to open. */
function ConnectDialog() {
  const store = useDeploymentStore();
  const remembered = useRef(rememberedDeployment());
  const [url, setUrl] = useState(store.url ?? remembered.current.url);
  const [apiKey, setApiKey] = useState(store.apiKey ?? remembered.current.apiKey);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && closeDeploymentDialog();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  const connecting = store.status === "connecting";
  return (
    <div className="sy-overlay is-dim" onMouseDown={closeDeploymentDialog}>
      <div className="sy-dialog is-wide sy-deploy-dialog" role="dialog" aria-modal="true" aria-labelledby="sy-deploy-title" onMouseDown={(event) => event.stopPropagation()}>
        <h2 id="sy-deploy-title">Connect to deployment</h2>
        <p className="sy-hint">
          Debug graphs running on a LangGraph server (LangGraph Platform, an Agent Server, <code>langgraph dev</code>, or another <code>switchyard serve</code> started with <code>--allow-origin</code>). The key is kept for this browser session only, never in the workspace.
        </p>
        <form
          className="sy-stack"
          onSubmit={(event) => {
            event.preventDefault();
            void connectDeployment(url, apiKey);
          }}
        >
          <label className="sy-label" htmlFor="sy-deploy-url">
            Deployment URL
          </label>
          <input id="sy-deploy-url" ref={first} className="sy-input" value={url} placeholder="http://127.0.0.1:2024" spellCheck={false} onChange={(event) => setUrl(event.target.value)} />
          <label className="sy-label" htmlFor="sy-deploy-key">
            API key (optional)
          </label>
          <input id="sy-deploy-key" className="sy-input" type="password" autoComplete="off" value={apiKey} placeholder="lsv2_…" onChange={(event) => setApiKey(event.target.value)} />
          {store.error && (
            <div className="sy-field-error" role="alert">
              {store.error}
            </div>
          )}
          <div className="sy-inline is-end">
            {store.status === "connected" && (
              <button type="button" className="sy-button is-ghost" onClick={() => void disconnectDeployment()}>
                Disconnect
              </button>
            )}
            <button type="button" className="sy-button is-ghost" onClick={closeDeploymentDialog}>
              Close
            </button>
            <button type="submit" className="sy-button is-primary" disabled={connecting || !url.trim()}>
              {connecting ? "Connecting…" : store.status === "connected" ? "Refresh" : "Connect"}
            </button>
          </div>
        </form>
        {store.status === "connected" && <DeploymentLists />}
      </div>
    </div>
  );
}

function DeploymentLists() {
  const assistants = useDeploymentStore((state) => state.assistants);
  const threads = useDeploymentStore((state) => state.threads);
  return (
    <div className="sy-deploy-lists">
      <section aria-label="Assistants">
        <h3>Assistants ({assistants.length})</h3>
        <ul className="sy-deploy-list">
          {assistants.map((assistant) => (
            <li key={assistant.assistant_id}>
              <button type="button" className="sy-deploy-item" aria-label={`Open graph ${assistant.graph_id} (${assistant.name})`} onClick={() => void openDeploymentGraph(assistant)}>
                <Icon name="graph" size={13} />
                <span className="sy-deploy-name">{assistant.name}</span>
                <span className="sy-deploy-meta">graph {assistant.graph_id}</span>
              </button>
            </li>
          ))}
          {assistants.length === 0 && <li className="sy-hint">This deployment has no assistants.</li>}
        </ul>
      </section>
      <section aria-label="Deployment threads">
        <h3>Threads ({threads.length})</h3>
        <ul className="sy-deploy-list">
          {threads.map((thread) => (
            <li key={thread.thread_id}>
              <button type="button" className="sy-deploy-item" aria-label={`Open thread ${thread.thread_id}`} onClick={() => void openDeploymentThread(thread)}>
                <span className={`sy-deploy-status is-${thread.status}`}>{thread.status}</span>
                <span className="sy-deploy-name">{thread.thread_id.slice(0, 8)}</span>
                <span className="sy-deploy-meta">{String((thread.metadata as Record<string, unknown> | null)?.graph_id ?? "")}</span>
              </button>
            </li>
          ))}
          {threads.length === 0 && <li className="sy-hint">No threads yet.</li>}
        </ul>
      </section>
    </div>
  );
}

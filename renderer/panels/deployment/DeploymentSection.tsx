import { Icon } from "../../app/Icon";
import { openDeploymentDialog, openDeploymentGraph } from "../../commands/deployment/connect-deployment";
import { useDeploymentStore } from "../../stores/deployment-store";
import { useOpenGraph } from "../../stores/open-graph-store";
import { IconButton } from "../forms/controls";

/** The sidebar's list of the attached deployment's graphs (shown only while connected). */
export function DeploymentSection() {
  const url = useDeploymentStore((state) => (state.status === "connected" ? state.url : null));
  const assistants = useDeploymentStore((state) => state.assistants);
  const open = useOpenGraph((state) => (state.graph?.source.kind === "remote" ? state.graph.assistantId : null));
  if (!url) return null;
  return (
    <>
      <div className="sy-panel-head is-sub">
        <span className="sy-panel-title" title={url}>
          Deployment · {new URL(url).host}
        </span>
        <IconButton icon="cloud" label="Deployment connection" title="Connect to deployment…" onClick={openDeploymentDialog} />
      </div>
      <ul className="sy-graph-list" aria-label="Deployment graphs">
        {assistants.map((assistant) => (
          <li key={assistant.assistant_id} className={`sy-graph-item ${open === assistant.assistant_id ? "is-open" : ""}`}>
            <button type="button" className="sy-graph-open" aria-label={`Open deployed graph ${assistant.graph_id}`} aria-current={open === assistant.assistant_id ? "page" : undefined} onClick={() => void openDeploymentGraph(assistant)}>
              <Icon name="cloud" size={14} />
              <span className="sy-graph-name">{assistant.name === assistant.graph_id ? assistant.graph_id : `${assistant.graph_id} · ${assistant.name}`}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

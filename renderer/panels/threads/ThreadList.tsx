import { memo } from "react";
import { Icon } from "../../app/Icon";
import { compareThread } from "../../commands/run/compare-checkpoints";
import { deleteThread, newThread, openThread } from "../../commands/run/threads";
import { useCompareStore } from "../../stores/compare-store";
import { useRunStore } from "../../stores/run-store";
import { useThreadStore } from "../../stores/thread-store";
import { firstUserText } from "../run/messages";

const statusLabel: Record<string, string> = { idle: "done", busy: "running", interrupted: "paused", error: "error" };

/** The open graph's threads: status, last update, first user message; open, delete, new. */
export const ThreadList = memo(function ThreadList() {
  const threads = useThreadStore((state) => state.threads);
  const openId = useRunStore((state) => state.threadId);
  const picking = useCompareStore((state) => state.picking);
  // The list is read when a run starts and stops; the open thread's live status comes from the run.
  const openStatus = useRunStore((state) => (state.status === "running" ? "busy" : null));
  return (
    <>
      <div className="sy-panel-head is-sub">
        <span className="sy-panel-title">Threads</span>
        <button type="button" className="sy-icon-button" aria-label="New thread" title="New thread: the next Run starts one" onClick={() => newThread()}>
          <Icon name="plus" size={13} />
        </button>
      </div>
      <ul className="sy-thread-list" aria-label="Threads">
        {threads.length === 0 && <li className="sy-sidebar-empty">No threads yet: Run starts one.</li>}
        {threads.map((thread, index) => {
          const status = thread.thread_id === openId && openStatus ? openStatus : thread.status;
          const label = statusLabel[status] ?? status;
          const first = firstUserText(thread.values) || "(no message)";
          return (
            <li key={thread.thread_id} className={`sy-thread-item ${thread.thread_id === openId ? "is-open" : ""}`}>
              <button type="button" className="sy-thread-open" onClick={() => void openThread(thread.thread_id)} aria-label={`Open thread ${thread.thread_id}`} aria-current={thread.thread_id === openId ? "true" : undefined} title={`${thread.thread_id}\n${first}`}>
                <span className="sy-thread-line">
                  <span className="sy-thread-num">#{threads.length - index}</span>
                  <span className={`sy-thread-status is-${label}`}>{label}</span>
                  <time className="sy-thread-time">{ago(thread.updated_at)}</time>
                </span>
                <span className="sy-thread-first">{first}</span>
              </button>
              <button
                type="button"
                className={`sy-icon-button sy-thread-compare ${picking ? "is-picking" : ""}`}
                aria-label={`Compare with thread ${thread.thread_id}`}
                title={picking ? `Compare ${picking.label} with this thread's latest checkpoint` : "Compare with...: this thread's latest checkpoint, then pick the other"}
                onClick={() => void compareThread(thread.thread_id, threads.length - index)}
              >
                <Icon name="fork" size={12} />
              </button>
              <button type="button" className="sy-icon-button is-danger sy-thread-delete" aria-label={`Delete thread ${thread.thread_id}`} title="Delete thread" onClick={() => void deleteThread(thread.thread_id)}>
                <Icon name="trash" size={12} />
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
});

function ago(iso: string): string {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)}m ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)}h ago`;
  return new Date(iso).toLocaleDateString();
}

import { isConditionalBreakpointPause, ordinal, ruleText, type ConditionalBreakpointPause } from "../../../shared/breakpoints";
import { conditionSchema } from "../../../shared/conditions";
import { Icon } from "../../app/Icon";
import type { PauseAsk } from "../../commands/run/pause-ask";
import { pausedAt } from "../../stores/run-pause";
import { useRunStore } from "../../stores/run-store";

/** "Paused before ask_human" (or after X, or in X's interrupt()) with the question it asks, or the run's error. */
export function PausedBanner({ asks }: { asks: PauseAsk[] }) {
  const ask = asks[0] ?? null;
  const pause = useRunStore((state) => state.pause);
  const status = useRunStore((state) => state.status);
  const error = useRunStore((state) => state.error);
  const errorNode = useRunStore((state) => Object.keys(state.nodeErrors)[0] ?? null);
  if (status === "error") {
    return (
      <div className="sy-banner is-error" role="alert" aria-label="Run error">
        <Icon name="error" size={15} />
        <div>
          <strong>{errorNode ? `${errorNode} failed` : "The run failed"}</strong>
          <span className="sy-banner-detail">{error}</span>
          <span className="sy-banner-hint">Fix the graph or edit the state, then Continue: the thread resumes from its last checkpoint.</span>
        </div>
      </div>
    );
  }
  if (status !== "paused" || !pause) return null;
  if (asks.length > 1) return <SeveralAsks asks={asks} />;
  // Several tasks paused inside a subgraph: the banner names the one asking (the others ran on to a plain breakpoint).
  const where = ask?.kind === "answer" && ask.inside ? ask.node : pausedAt(pause);
  const conditional = pause.kind === "interrupt" && isConditionalBreakpointPause(pause.payload, pause.node) ? pause.payload : null;
  const title = conditional ? `Paused before ${where}: its breakpoint's condition holds` : pause.kind === "interrupt" ? `Paused in ${where}: interrupt()` : `Paused ${pause.kind} ${where}`;
  const detail = conditional ? conditionalDetail(conditional) : (ask?.question ?? null);
  return (
    <div className="sy-banner is-paused" role="status" aria-label="Paused">
      <Icon name="pause" size={15} />
      <div>
        <strong>{title}</strong>
        {detail && <span className="sy-banner-detail">{conditional ? detail : `“${detail}”`}</span>}
        {ask && <span className="sy-banner-hint">{ask.kind === "answer" ? "Type your answer below: Answer & continue, or the top bar's Continue, sends it." : "Type the resume value below: Resume, or the top bar's Continue, sends it."}</span>}
      </div>
    </div>
  );
}

/** "when the last message says "two" (the 1st time it held)": what the engine's pause payload says. */
function conditionalDetail(payload: ConditionalBreakpointPause): string {
  const rule = conditionSchema.safeParse(payload.condition);
  const hit = `the ${ordinal(payload.hit)} time`;
  return rule.success ? `${ruleText(rule.data)} (${hit} it held). Continue runs the node.` : `${hit} it runs. Continue runs the node.`;
}

/** Parallel branches waiting at once: each question, answered one by one below. */
function SeveralAsks({ asks }: { asks: PauseAsk[] }) {
  return (
    <div className="sy-banner is-paused" role="status" aria-label="Paused">
      <Icon name="pause" size={15} />
      <div>
        <strong>{`Paused: ${asks.length} nodes wait for an answer (${asks.map((ask) => ask.node).join(", ")})`}</strong>
        <span className="sy-banner-hint">Answer each below; the run goes on once all of them are answered.</span>
      </div>
    </div>
  );
}

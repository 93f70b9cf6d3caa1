import type { StateSnapshot } from "@langchain/langgraph";

/** What a person at a terminal needs after a run stops: where it is, and the commands to go on. */
export function describePause(state: StateSnapshot, threadId: string, graphFile: string): string {
  if (state.next.length === 0) return `thread ${threadId}: finished`;
  const interrupts = state.tasks.flatMap((task) => task.interrupts ?? []);
  const where = interrupts.length > 0 ? `paused in ${state.tasks.find((task) => task.interrupts?.length)?.name} (interrupt: ${JSON.stringify(interrupts[0].value)})` : `paused before ${state.next.join(", ")}`;
  const node = state.next[0];
  return [
    `thread ${threadId}: ${where}`,
    "to answer as that node and continue:",
    `  switchyard update ${threadId} --as-node ${node} --values '{"messages":[{"type":"tool","tool_call_id":"<id>","content":"<answer>"}]}'`,
    `  switchyard run ${graphFile} --thread ${threadId}`,
    `to see the state: switchyard state ${threadId}`,
  ].join("\n");
}

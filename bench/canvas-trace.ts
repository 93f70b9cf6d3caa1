/**
 * Main-thread time by trace event (self time), for one traced gesture: what a frame's cost is made of.
 * Used by `npm run bench:canvas` when BENCH_TRACE is set.
 */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the span: unlike `dur`, not inflated when other processes hold the cores. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export function mainThreadSelfTimes(trace: { traceEvents: TraceEvent[] } | TraceEvent[], clock: "wall" | "cpu" = "wall"): Map<string, number> {
  const length = (event: TraceEvent) => (clock === "cpu" ? (event.tdur ?? event.dur!) : event.dur!);
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const main = events.filter((event) => event.ph === "M" && event.name === "thread_name" && event.args?.name === "CrRendererMain");
  const totals = new Map<string, number>();
  for (const thread of main) {
    const spans = events.filter((event) => event.pid === thread.pid && event.tid === thread.tid && event.ph === "X" && event.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    const stack: { end: number; name: string; self: number }[] = [];
    const close = (until: number) => {
      while (stack.length && stack[stack.length - 1].end <= until) {
        const done = stack.pop()!;
        totals.set(done.name, (totals.get(done.name) ?? 0) + done.self / 1000);
      }
    };
    for (const span of spans) {
      close(span.ts);
      if (stack.length) stack[stack.length - 1].self -= length(span);
      stack.push({ end: span.ts + span.dur!, name: span.name, self: length(span) });
    }
    close(Infinity);
  }
  return totals;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; hitCount?: number }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time by function (name and source position) from a V8 CPU profile. */
export function profileSelfTimes(profile: CpuProfile): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.split("/").pop() ?? "";
    const key = `${frame.functionName || "(anonymous)"} ${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
  });
  return totals;
}

/** Inclusive time by function name (each function counted once per stack), from a V8 CPU profile. */
export function profileTotalTimes(profile: CpuProfile & { nodes: { children?: number[] }[] }): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      const key = `${frame.functionName || "(anonymous)"} :${frame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000);
    }
  });
  return totals;
}

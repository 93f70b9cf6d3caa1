/** Reading a V8 CPU profile (`node --cpu-prof`): self time by place and by function. */

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { url: string; functionName: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Prints the `top` places (package, our folder, Node, GC, idle) and functions by self time. */
export function printProfile(profile: CpuProfile, title: string, top = 20): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const ms = profile.timeDeltas[i] / 1000;
    const place = placeOf(frame);
    places.set(place, (places.get(place) ?? 0) + ms);
    const name = `${frame.functionName || "(anonymous)"} ${shortUrl(frame.url)}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  });
  const total = (profile.endTime - profile.startTime) / 1000;
  console.log(`${title} (${Math.round(total)} ms profiled), self time by place:`);
  for (const [place, ms] of [...places].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${String(Math.round(ms)).padStart(6)} ms  ${place}`);
  console.log("self time by function:");
  for (const [name, ms] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${String(Math.round(ms)).padStart(6)} ms  ${name}`);
}

function placeOf({ url, functionName }: { url: string; functionName: string }): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native/builtin)";
  if (url.startsWith("node:")) return "node internals (module loading, fs)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + 13).split("/");
    return `package ${rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]}`;
  }
  for (const folder of ["/main/", "/shared/"]) {
    const local = url.indexOf(folder);
    if (local >= 0) return url.slice(local + 1).split("/").slice(0, 2).join("/");
  }
  return url;
}

function shortUrl(url: string): string {
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) return url.slice(modules + 13);
  for (const folder of ["/main/", "/shared/"]) {
    const local = url.indexOf(folder);
    if (local >= 0) return url.slice(local + 1);
  }
  return url;
}

import { createHash } from "node:crypto";
import { stableJson } from "./model-request";

/** One recorded tool call of a cassette: which node called which tool with what, and what came back. */
export interface ToolTapeEntry {
  node: string;
  tool: string;
  args: unknown;
  result: unknown;
}

/** The same tool with the same arguments always has the same key. */
export function toolCallKeyOf(tool: string, args: unknown): string {
  return createHash("sha256").update(stableJson({ tool, args })).digest("hex");
}

/**
 * A cassette's tool calls. Equal calls are served in recorded order (a loop calling the same
 * thing twice gets its two results), the last one again when they run out (as CallTape does).
 */
export class ToolTape {
  private readonly served = new Set<number>();
  private readonly keys: string[];
  /** Calls made during this run that were not on the tape (what --record-missing adds). */
  readonly added: ToolTapeEntry[] = [];

  constructor(readonly entries: ToolTapeEntry[]) {
    this.keys = entries.map((entry) => toolCallKeyOf(entry.tool, entry.args));
  }

  take(tool: string, args: unknown): ToolTapeEntry | undefined {
    const key = toolCallKeyOf(tool, args);
    let last: number | undefined;
    for (let index = 0; index < this.entries.length; index++) {
      if (this.keys[index] !== key) continue;
      last = index;
      if (this.served.has(index)) continue;
      this.served.add(index);
      return this.entries[index];
    }
    return last === undefined ? undefined : this.entries[last];
  }

  /** The recorded call a missing one most likely stands for: the same node and tool's first not yet served, else its last. */
  closestFor(node: string, tool: string): ToolTapeEntry | undefined {
    const same = this.entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.node === node && entry.tool === tool);
    return (same.find(({ index }) => !this.served.has(index)) ?? same.at(-1))?.entry;
  }

  add(entry: ToolTapeEntry): void {
    this.added.push(entry);
  }
}

import type { ModelRequest, ModelResponse } from "../../../shared/recorded-calls";

/** One recorded model call that can be served again. */
export interface TapeEntry {
  node: string;
  key: string;
  request: ModelRequest;
  response: ModelResponse;
}

/**
 * The recorded answers a run may be served from. Equal requests are served in recorded order (a
 * loop asking the same thing twice gets its two answers), the last one again when they run out.
 */
export class CallTape {
  private readonly served = new Set<number>();
  /** Calls made during this run that were not on the tape (what --record-missing adds). */
  readonly added: TapeEntry[] = [];

  constructor(readonly entries: TapeEntry[]) {}

  take(key: string): TapeEntry | undefined {
    let last: number | undefined;
    for (let index = 0; index < this.entries.length; index++) {
      if (this.entries[index]!.key !== key) continue;
      last = index;
      if (this.served.has(index)) continue;
      this.served.add(index);
      return this.entries[index];
    }
    return last === undefined ? undefined : this.entries[last];
  }

  /** The recorded call a missing request most likely stands for: the node's first not yet served, else its last. */
  closestFor(node: string): TapeEntry | undefined {
    const ofNode = this.entries.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.node === node);
    return (ofNode.find(({ index }) => !this.served.has(index)) ?? ofNode.at(-1))?.entry;
  }

  add(entry: TapeEntry): void {
    this.added.push(entry);
  }
}

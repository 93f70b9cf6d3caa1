import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Pin } from "../../shared/recorded-calls";

export type { Pin };

type PinsFile = Record<string, Record<string, Pin>>;

/** Pinned nodes per graph, in `.switchyard/pins.json` (run data, never the graph file). */
export class PinStore {
  private readonly path: string;

  constructor(private readonly dataDir: string) {
    this.path = join(dataDir, "pins.json");
  }

  pinsOf(graph: string): Record<string, Pin> {
    return this.read()[graph] ?? {};
  }

  set(graph: string, node: string, pin: Pin): void {
    const pins = this.read();
    pins[graph] = { ...(pins[graph] ?? {}), [node]: pin };
    this.write(pins);
  }

  /** False when the node was not pinned. */
  remove(graph: string, node: string): boolean {
    const pins = this.read();
    if (!pins[graph]?.[node]) return false;
    delete pins[graph][node];
    if (Object.keys(pins[graph]).length === 0) delete pins[graph];
    this.write(pins);
    return true;
  }

  private read(): PinsFile {
    try {
      return JSON.parse(readFileSync(this.path, "utf8")) as PinsFile;
    } catch {
      return {};
    }
  }

  private write(pins: PinsFile): void {
    mkdirSync(this.dataDir, { recursive: true });
    const temp = `${this.path}.tmp`;
    writeFileSync(temp, `${JSON.stringify(pins, undefined, 2)}\n`, "utf8");
    renameSync(temp, this.path);
  }
}

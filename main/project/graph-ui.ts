import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";

export interface UiBundle {
  name: string;
  /** File names of the bundle (`entrypoint.js`, `entrypoint.css`), read from `dir`. */
  assets: string[];
  dir: string;
}

export class GraphUiBuildError extends Error {
  override name = "GraphUiBuildError";
  constructor(reason: string) {
    super(`ui: the components could not be bundled: ${reason}`);
  }
}

/**
 * The generative UI components a langgraph.json names under `ui`, bundled the way the LangGraph.js
 * server does it (its own @langchain/langgraph-ui bundler: esbuild, React left to the page) into
 * `outDir` (the project's .switchyard/ui). Built at server start and again after each reload.
 */
export class GraphUi {
  private built: Promise<Map<string, UiBundle>> | undefined;

  constructor(
    private readonly cwd: string,
    private readonly defs: Record<string, string>,
    private readonly shared: string[],
    private readonly outDir: string,
  ) {}

  get names(): string[] {
    return Object.keys(this.defs);
  }

  build(): Promise<Map<string, UiBundle>> {
    const building = this.buildOnce();
    building.catch((error: Error) => console.error(`switchyard: ${error.message}`));
    this.built = building;
    return building;
  }

  bundles(): Promise<Map<string, UiBundle>> {
    return this.built ?? this.build();
  }

  private async buildOnce(): Promise<Map<string, UiBundle>> {
    if (this.names.length === 0) return new Map();
    try {
      const { build } = await import("@langchain/langgraph-ui");
      await build({ cwd: this.cwd, defs: this.defs, config: { shared: this.shared }, output: this.outDir });
    } catch (error) {
      throw new GraphUiBuildError((error as Error)?.message ?? String(error));
    }
    const schemas = JSON.parse(await readFile(join(this.outDir, "schemas.json"), "utf8")) as Record<string, { assets: string[] }>;
    return new Map(this.names.map((name) => [name, { name, assets: (schemas[name]?.assets ?? []).map((asset) => basename(asset)), dir: join(this.outDir, "public", name) }]));
  }
}

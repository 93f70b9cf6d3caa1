import { z } from "zod";

export const CODE_DEFAULT_TIMEOUT_MS = 1000;
export const CODE_DEFAULT_MEMORY_MB = 64;

/** The limits sandboxed code runs under; a code node and a code tool each set their own. */
export const codeLimits = {
  /** The code is stopped (its worker terminated) after this long. */
  timeoutMs: z.number().int().min(10).max(60_000),
  /** Cap of the sandbox's heap. */
  memoryMb: z.number().int().min(8).max(1024),
};

export const DEFAULT_CODE_SOURCE = "(state) => {\n  // Return the state fields to change.\n  return {};\n}";

export const codeConfigSchema = z
  .object({
    /**
     * A JavaScript function `(state) => update`, run in a QuickJS sandbox: it gets the state as
     * JSON (messages as `{type, content, ...}`) and returns the fields to change (or a promise of them).
     * No require, fs, network, process or timers.
     */
    source: z.string().min(1, "write a function such as (state) => ({ count: state.count + 1 })").default(DEFAULT_CODE_SOURCE),
    timeoutMs: codeLimits.timeoutMs.default(CODE_DEFAULT_TIMEOUT_MS),
    memoryMb: codeLimits.memoryMb.default(CODE_DEFAULT_MEMORY_MB),
  })
  .strict();

export type CodeConfig = z.infer<typeof codeConfigSchema>;

export const codeKind = {
  kind: "code",
  label: "Code",
  icon: "code",
  color: "#475569",
  description: "Runs a small JavaScript function of the state in a sandbox and applies the fields it returns.",
  configSchema: codeConfigSchema,
  defaults: (): CodeConfig => ({ source: DEFAULT_CODE_SOURCE, timeoutMs: CODE_DEFAULT_TIMEOUT_MS, memoryMb: CODE_DEFAULT_MEMORY_MB }),
} as const;

import { Command } from "@langchain/langgraph";
import { z } from "zod";
import type { MultitaskStrategy, StreamMode } from "../../shared/api";
import { namesInsideSubgraphs } from "../engine";
import { resolveAssistant } from "./assistant-resolve";
import { parseBody } from "./body";
import type { ServerContext } from "./context";
import { checkInterruptNodes, runnableGraph, type RunnableGraph } from "./graph-runtime";
import { BadRequestError } from "./errors";
import { bodyId } from "./ids";
import { libraryModesOf, parseStreamModes } from "./stream-modes";

const nodeList = z.union([z.literal("*"), z.array(z.string())]).nullish();

export const runBodySchema = z
  .object({
    assistant_id: z.string({ error: "required: the graph name or assistant id to run" }).min(1),
    input: z.record(z.string(), z.unknown(), { error: "must be an object (or null to resume)" }).nullish(),
    command: z
      .object({ resume: z.unknown().optional(), update: z.unknown().optional(), goto: z.union([z.string(), z.array(z.string())]).nullish() })
      .nullish(),
    config: z
      .object({ configurable: z.record(z.string(), z.unknown()).nullish(), recursion_limit: z.number().int().positive().nullish(), tags: z.array(z.string()).nullish() })
      .loose()
      .nullish(),
    metadata: z.record(z.string(), z.unknown()).nullish(),
    stream_mode: z.unknown().optional(),
    stream_subgraphs: z.boolean().nullish(),
    context: z.record(z.string(), z.unknown(), { error: "must be an object" }).nullish(),
    interrupt_before: nodeList,
    interrupt_after: nodeList,
    checkpoint_id: z.string().nullish(),
    checkpoint: z.object({ checkpoint_id: z.string().nullish(), checkpoint_ns: z.string().nullish() }).loose().nullish(),
    multitask_strategy: z.enum(["reject", "interrupt", "rollback", "enqueue"]).nullish(),
    if_not_exists: z.enum(["create", "reject"]).nullish(),
    on_disconnect: z.enum(["cancel", "continue"]).nullish(),
    on_completion: z.enum(["delete", "keep"]).nullish(),
    after_seconds: z.number({ error: "must be a number of seconds" }).min(0).max(86_400).nullish(),
    webhook: z.string().min(1).nullish(),
    /** Switchyard: serve each model call whose request the thread's recording holds from it, until the first that differs. */
    replay: z.boolean({ error: "must be true or false" }).nullish(),
  })
  .loose();

export type RunBody = z.infer<typeof runBodySchema>;

/** Everything a run needs, checked before the run exists (so bad input never leaves a trace). */
export interface RunPlan {
  graph: RunnableGraph;
  /** The assistant the run was asked for (a graph's system assistant, or one made with POST /assistants). */
  assistantId: string;
  /** LangGraph's runtime `context`: the assistant's, overridden key by key by the run's. */
  context: Record<string, unknown>;
  /** `stream_subgraphs`: frames of subgraphs too, as `mode|namespace`. */
  subgraphs: boolean;
  input: unknown;
  configurable: Record<string, unknown>;
  recursionLimit?: number;
  tags?: string[];
  checkpointId?: string;
  streamModes: StreamMode[];
  libraryModes: ReturnType<typeof libraryModesOf>;
  interruptBefore?: string[] | "*";
  interruptAfter?: string[] | "*";
  multitaskStrategy: MultitaskStrategy;
  onDisconnect: "cancel" | "continue";
  ifNotExists: "create" | "reject";
  onCompletion: "delete" | "keep";
  metadata: Record<string, unknown>;
  kwargs: Record<string, unknown>;
  /** `after_seconds`: the run stays pending this long before it starts. */
  afterSeconds?: number;
  /** `webhook`: where the run's outcome is POSTed when it ends (a path is this server). */
  webhook?: string;
  /** Replay the thread's recorded model calls (see run-recording.ts). */
  replay?: boolean;
}

/** `fromHeaders`: configurable values from the request's headers (see request-headers.ts); the run's own config wins. */
export async function planRun(ctx: ServerContext, raw: Record<string, unknown>, defaults: { onDisconnect: "cancel" | "continue"; fromHeaders?: Record<string, string> }): Promise<RunPlan> {
  const body = parseBody(runBodySchema, raw);
  const streamModes = parseStreamModes(body.stream_mode);
  const assistant = await resolveAssistant(ctx, body.assistant_id);
  const assistantConfig = (assistant.config.configurable as Record<string, unknown> | undefined) ?? {};
  const { thread_id: _ignored, checkpoint_id: _alsoIgnored, ...configurable } = { ...assistantConfig, ...defaults.fromHeaders, ...(body.config?.configurable ?? {}) };
  const context = { ...assistant.context, ...(body.context ?? {}) };
  let graph = await runnableGraph(ctx, assistant.graph_id, { configurable, context });
  const warnings = [...(await checkInterruptNodes(graph, body.interrupt_before ?? undefined, "interrupt_before")), ...(await checkInterruptNodes(graph, body.interrupt_after ?? undefined, "interrupt_after"))];
  for (const warning of warnings) console.error(`switchyard: a run of graph "${graph.graphId}": ${warning}`);
  // Breakpoints inside subgraphs (`research:ask_human`), once checked, are compiled into those subgraphs.
  const interruptsInside = { before: namesInsideSubgraphs(body.interrupt_before ?? undefined), after: namesInsideSubgraphs(body.interrupt_after ?? undefined) };
  if (interruptsInside.before.length + interruptsInside.after.length > 0) graph = await runnableGraph(ctx, assistant.graph_id, { configurable, context, interruptsInside });
  const checkpointId = body.checkpoint_id ?? body.checkpoint?.checkpoint_id ?? undefined;
  if (checkpointId !== undefined) bodyId(checkpointId, "checkpoint_id");
  const recursionLimit = body.config?.recursion_limit ?? (assistant.config.recursion_limit as number | undefined);
  return {
    graph,
    assistantId: assistant.assistant_id,
    context,
    subgraphs: body.stream_subgraphs ?? false,
    input: inputOf(body),
    configurable,
    recursionLimit: recursionLimit ?? undefined,
    tags: body.config?.tags ?? undefined,
    checkpointId,
    streamModes,
    libraryModes: libraryModesOf(streamModes),
    interruptBefore: body.interrupt_before ?? undefined,
    interruptAfter: body.interrupt_after ?? undefined,
    multitaskStrategy: body.multitask_strategy ?? "reject",
    onDisconnect: body.on_disconnect ?? defaults.onDisconnect,
    ifNotExists: body.if_not_exists ?? "reject",
    onCompletion: body.on_completion ?? "delete",
    metadata: body.metadata ?? {},
    afterSeconds: body.after_seconds ?? undefined,
    webhook: body.webhook ? webhookOf(body.webhook) : undefined,
    replay: body.replay ?? false,
    kwargs: {
      input: body.input ?? null,
      command: body.command ?? null,
      config: body.config ?? {},
      stream_mode: streamModes,
      interrupt_before: body.interrupt_before ?? null,
      interrupt_after: body.interrupt_after ?? null,
      checkpoint_id: checkpointId ?? null,
      context: body.context ?? null,
      subgraphs: body.stream_subgraphs ?? false,
    },
  };
}

/** A webhook is a path on this server (`/hooks/done`) or an http(s) URL. */
function webhookOf(webhook: string): string {
  if (webhook.startsWith("/")) return webhook;
  let url: URL;
  try {
    url = new URL(webhook);
  } catch {
    throw new BadRequestError(`webhook: ${JSON.stringify(webhook)} is neither a path ("/...") nor a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new BadRequestError(`webhook: must be an http(s) URL or a path (got ${url.protocol})`);
  return webhook;
}

/** `input: null` (or none) resumes; a `command` resumes, updates or jumps. */
function inputOf(body: RunBody): unknown {
  if (body.command) {
    const { resume, update, goto } = body.command;
    return new Command({ ...(resume !== undefined ? { resume } : {}), ...(update !== undefined ? { update: update as Record<string, unknown> } : {}), ...(goto ? { goto } : {}) });
  }
  return body.input ?? null;
}

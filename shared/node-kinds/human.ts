import { z } from "zod";

export const humanConfigSchema = z
  .object({
    /**
     * "breakpoint": the seed's pattern, a node with no logic that the run pauses before; the answer
     * is written into state as this node. "interrupt": the node calls interrupt() and is resumed
     * with Command({resume}).
     */
    mode: z.enum(["breakpoint", "interrupt"]).default("breakpoint"),
    /** The tool a model calls to ask the person (the seed's AskHuman); its call is answered here. */
    askTool: z.string().min(1).default("AskHuman"),
    askToolDescription: z.string().default("Ask the user a question and wait for the answer."),
    /** Shown while paused; for interrupt mode it is the interrupt payload's question. */
    question: z.string().default("{{last_message}}"),
  })
  .strict();

export type HumanConfig = z.infer<typeof humanConfigSchema>;

export const humanKind = {
  kind: "human",
  label: "Human",
  icon: "user",
  color: "#d97706",
  description: "Waits for a person: the run pauses here and continues with their answer.",
  configSchema: humanConfigSchema,
  defaults: (): HumanConfig => ({
    mode: "breakpoint",
    askTool: "AskHuman",
    askToolDescription: "Ask the user a question and wait for the answer.",
    question: "{{last_message}}",
  }),
} as const;

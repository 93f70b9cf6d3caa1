import { z } from "zod";

export const setConfigSchema = z
  .object({
    /** field name -> template; the rendered text is converted to the field's type. */
    values: z.record(z.string(), z.string()).default({}),
  })
  .strict();

export type SetConfig = z.infer<typeof setConfigSchema>;

export const setKind = {
  kind: "set",
  label: "Set fields",
  icon: "pencil",
  color: "#059669",
  description: "Writes values (templates such as {{last_message}}) into state fields.",
  configSchema: setConfigSchema,
  defaults: (): SetConfig => ({ values: {} }),
} as const;

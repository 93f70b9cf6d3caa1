import type { BaseCheckpointSaver } from "@langchain/langgraph-checkpoint";
import { validate } from "@langchain/langgraph-checkpoint-validation";
import { randomUUID } from "node:crypto";
import { openPostgresSaver } from "../../../main/checkpoint/postgres-saver";
import { testPostgres } from "../../helpers/postgres";

// The official conformance suite against LangGraph's PostgresSaver, as `serve --checkpointer` opens it.
const postgres = testPostgres("postgres-saver.validation.test.ts");
const schemas = new WeakMap<BaseCheckpointSaver, string>();

if (postgres.url) {
  const url = postgres.url;
  afterAll(() => postgres.stop());
  validate({
    checkpointerName: "PostgresSaver",
    createCheckpointer: async () => {
      // A schema of its own per checkpointer: every test starts from empty tables.
      const schema = `validation_${randomUUID().replaceAll("-", "")}`;
      const saver = await openPostgresSaver(url, { schema });
      schemas.set(saver, schema);
      return saver;
    },
    destroyCheckpointer: async (saver) => {
      const pool = (saver as unknown as { pool: { query(sql: string): Promise<unknown> } }).pool;
      await pool.query(`DROP SCHEMA IF EXISTS "${schemas.get(saver)}" CASCADE`);
      await (saver as Awaited<ReturnType<typeof openPostgresSaver>>).end();
    },
  });
} else {
  describe.skip(`PostgresSaver validation: ${postgres.skipReason}`, () => {
    it("runs the official checkpointer validation suite", () => {});
  });
}

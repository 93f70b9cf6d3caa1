import type { ModelRequest } from "../../../shared/recorded-calls";
import { requestDifferences } from "./request-diff";

export const RERECORD_HINT = 're-record with "switchyard test --record-missing" (or --record to record every call again)';

/** A flow test replaying from its cassette met a model request the cassette does not hold. */
export class CassetteMissError extends Error {
  override name = "CassetteMissError";
  readonly differences: string[];
  constructor(readonly node: string, readonly request: ModelRequest, recorded: ModelRequest | undefined) {
    const differences = recorded ? requestDifferences(recorded, request) : [];
    const how = recorded ? `it differs from the recorded one:\n    ${differences.join("\n    ")}` : `node ${node} made no call when the cassette was recorded`;
    super(`node ${node}: its model request is not in the cassette; ${how}\n  ${RERECORD_HINT}`);
    this.differences = differences;
  }
}

/** A flow test replaying from its cassette met a tool call (http, mcp) the cassette does not hold. */
export class CassetteToolMissError extends Error {
  override name = "CassetteToolMissError";
  readonly differences: string[];
  constructor(readonly node: string, readonly tool: string, args: unknown, recordedArgs: unknown) {
    const differences = recordedArgs === undefined ? [] : requestDifferences({ args: recordedArgs } as unknown as ModelRequest, { args } as unknown as ModelRequest);
    const how = recordedArgs === undefined ? `node ${node} made no ${tool} call when the cassette was recorded` : `it differs from the recorded one:\n    ${differences.join("\n    ")}`;
    super(`node ${node}: its call of the tool ${tool} is not in the cassette; ${how}\n  ${RERECORD_HINT}`);
    this.differences = differences;
  }
}

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

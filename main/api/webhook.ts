import type { Run, RunStatus } from "../../shared/api";
import type { LoopbackFetch } from "./loopback-fetch";

export interface WebhookCall {
  run: Run;
  status: RunStatus;
  startedAt: string;
  values: unknown;
  error?: string;
}

/**
 * POSTs a finished run to its `webhook`, with the Platform server's payload (the run, its status,
 * times and final values). A path goes to this server itself; a URL over the network. A webhook
 * that fails is logged and changes nothing about the run.
 */
export function sendWebhook(webhook: string, call: WebhookCall, loopback: LoopbackFetch): void {
  const payload = {
    ...call.run,
    status: call.status,
    run_started_at: call.startedAt,
    run_ended_at: new Date().toISOString(),
    webhook_sent_at: new Date().toISOString(),
    values: call.values,
    ...(call.error ? { error: call.error } : {}),
  };
  // A webhook URL may carry a token in its query: logs name its origin and path only.
  const where = webhook.startsWith("/") ? webhook.split("?")[0] : `${new URL(webhook).origin}${new URL(webhook).pathname}`;
  const init = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(payload) };
  const sending = webhook.startsWith("/") ? loopback(webhook, init) : fetch(webhook, init);
  sending.then(
    (response) => {
      if (!response.ok) console.error(`switchyard: webhook ${where} of run ${call.run.run_id} answered ${response.status}`);
    },
    (error: Error) => console.error(`switchyard: webhook ${where} of run ${call.run.run_id} failed: ${error.message}`),
  );
}

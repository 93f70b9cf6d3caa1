import type { ChatModelFactory } from "../providers";
import { currentCallScope } from "./call-scope";
import { TapedChatModel } from "./taped-model";

/**
 * The model factory with recording: inside a run's CallScope every model is a TapedChatModel; outside
 * one the provider's model is returned as it is. With a tape the provider's model is made only when
 * a call is not on it, so a run replayed from its recording needs no key.
 */
export function tapedFactory(createModel: ChatModelFactory): ChatModelFactory {
  return (config, context) => {
    const scope = currentCallScope();
    if (!scope) return createModel(config, context);
    const nodeId = context.nodeId ?? "?";
    if (scope.tape && scope.mode !== "record") return new TapedChatModel({ live: () => createModel(config, context), config, nodeId });
    const model = createModel(config, context);
    return new TapedChatModel({ live: () => model, config, nodeId });
  };
}

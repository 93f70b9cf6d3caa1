import { Icon } from "../../app/Icon";
import { cancelCompare } from "../../commands/run/compare-checkpoints";

/** While "Compare with..." waits for the second checkpoint: what is being compared, and how to stop. */
export function ComparePickBanner({ first }: { first: string }) {
  return (
    <div className="sy-banner is-info sy-compare-pick" role="status" aria-label="Picking a checkpoint to compare with">
      <Icon name="fork" size={14} />
      <span>
        Compare <strong>{first}</strong> with: click a checkpoint below, or "Compare with..." on a thread.
      </span>
      <span className="sy-spacer" />
      <button type="button" className="sy-button is-small is-ghost" onClick={cancelCompare}>
        Cancel
      </button>
    </div>
  );
}

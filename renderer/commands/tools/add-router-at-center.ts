import { canvasApi } from "../../canvas/canvas-api";
import { NODE_HEIGHT, NODE_WIDTH } from "../../stores/flow-from-doc";
import { addRouter } from "./add-router";

/** The Router preset in the middle of the visible canvas (its routes go below it). */
export function addRouterAtCenter(): void {
  const center = canvasApi.center();
  addRouter.run({ position: { x: center.x - NODE_WIDTH / 2, y: center.y - NODE_HEIGHT / 2 - 90 } });
}

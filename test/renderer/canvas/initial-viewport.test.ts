import { FIT_MAX_ZOOM, initialViewport, MIN_ZOOM } from "../../../renderer/canvas/initial-viewport";
import { NODE_HEIGHT, NODE_WIDTH, type FlowNode } from "../../../renderer/stores/flow-from-doc";

const node = (id: string, x: number, y: number, type = "llm"): FlowNode => ({ id, type, position: { x, y }, data: {} }) as FlowNode;

/** Where a flow point lands on the pane under a viewport. */
const onScreen = (viewport: { x: number; y: number; zoom: number }, x: number, y: number) => ({ x: x * viewport.zoom + viewport.x, y: y * viewport.zoom + viewport.y });

describe("initialViewport: the graph fitted before React Flow has measured anything", () => {
  const pane = { width: 900, height: 600 };

  it("fits every node inside the pane, centred, with room to spare", () => {
    const nodes = [node("a", 0, 0), node("b", 2000, 0), node("c", 1000, 900), node("__start__", 500, -200, "start")];
    const viewport = initialViewport(nodes, pane)!;
    const topLeft = onScreen(viewport, 0, -200);
    const bottomRight = onScreen(viewport, 2000 + NODE_WIDTH, 900 + NODE_HEIGHT);
    expect(topLeft.x).toBeGreaterThan(0);
    expect(topLeft.y).toBeGreaterThan(0);
    expect(bottomRight.x).toBeLessThan(pane.width);
    expect(bottomRight.y).toBeLessThan(pane.height);
    // Centred: the margins left and right (and top and bottom) match.
    expect(topLeft.x).toBeCloseTo(pane.width - bottomRight.x, 5);
    expect(topLeft.y).toBeCloseTo(pane.height - bottomRight.y, 5);
  });

  it("does not blow a small graph up past the editor's fit zoom, nor shrink a huge one below the minimum", () => {
    expect(initialViewport([node("a", 0, 0)], pane)!.zoom).toBe(FIT_MAX_ZOOM);
    const huge = Array.from({ length: 50 }, (_, i) => node(`n${i}`, i * 5000, 0));
    expect(initialViewport(huge, pane)!.zoom).toBe(MIN_ZOOM);
  });

  it("leaves the fit to React Flow when there is nothing to fit or the pane has no size yet", () => {
    expect(initialViewport([], pane)).toBeNull();
    expect(initialViewport([node("a", 0, 0)], { width: 0, height: 600 })).toBeNull();
  });
});

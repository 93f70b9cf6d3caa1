import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./styles/theme.css";
import "./styles/layout.css";
import "./styles/canvas.css";
import "./styles/panels.css";
import "./styles/tests.css";
import "./styles/compare.css";
import { App } from "./app/App";
import { exposeTestHandle } from "./app/test-handle";
import { graphNameFromLocation } from "./commands/open-graph";
import { openStartupGraph } from "./commands/open-startup-graph";
import { startPreflight } from "./commands/preflight";
import { startValidation } from "./stores/problems-store";
import { prefetchStartup } from "./commands/startup-prefetch";
import { preloadCodeEditor } from "./panels/forms/CodeEditor";

prefetchStartup(graphNameFromLocation());
exposeTestHandle();
startValidation();
startPreflight();
const opening = openStartupGraph();
// The first frame already shows the graph when the server answers quickly (one render instead of
// the app shell and then the graph); a slow server gets the shell after a moment.
void Promise.race([opening, new Promise((done) => setTimeout(done, 1000))]).then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
// The code editor is loaded on demand: fetch it once the first graph is drawn and the app is idle.
void opening.then(() => requestIdleCallback(preloadCodeEditor, { timeout: 5000 }));

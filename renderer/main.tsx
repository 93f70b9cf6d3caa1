import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./styles/theme.css";
import "./styles/layout.css";
import "./styles/canvas.css";
import "./styles/panels.css";
import "./styles/tests.css";
import { App } from "./app/App";
import { exposeTestHandle } from "./app/test-handle";
import { graphNameFromLocation } from "./commands/open-graph";
import { startPreflight } from "./commands/preflight";
import { prefetchStartup } from "./commands/startup-prefetch";

prefetchStartup(graphNameFromLocation());
exposeTestHandle();
startPreflight();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

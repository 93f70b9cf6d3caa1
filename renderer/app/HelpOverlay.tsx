import { useUiStore } from "../stores/ui-store";
import { COMMAND_TABLE } from "../../shared/command-table";
import { IconButton } from "../panels/forms/controls";
import { keyLabels } from "./keys";

const groups = ["File", "Edit", "Canvas", "View", "Run", "Help"] as const;
/** The commands that have a key, from the same table the key handler, the menu and the palette use. */
const shortcuts = COMMAND_TABLE.filter((command) => command.keys.length > 0).map((command) => ({ id: command.id, label: command.title, group: command.group, keys: keyLabels(command.id) }));

const mouse = [
  { keys: ["Drag"], label: "Pan the canvas" },
  { keys: ["Shift+Drag"], label: "Box select" },
  { keys: ["Ctrl+Click"], label: "Add to selection" },
  { keys: ["Scroll"], label: "Zoom" },
  { keys: ["Drag a handle"], label: "Connect two nodes" },
];

/** Every shortcut, grouped, from the shared command table. */
export function HelpOverlay() {
  const close = () => useUiStore.setState({ helpOpen: false });
  return (
    <div className="sy-overlay is-dim" onMouseDown={close}>
      <div className="sy-dialog is-help" role="dialog" aria-modal="true" aria-labelledby="sy-help-title" onMouseDown={(event) => event.stopPropagation()}>
        <div className="sy-dialog-head">
          <h2 id="sy-help-title">Keyboard shortcuts</h2>
          <IconButton icon="x" label="Close shortcuts" onClick={close} />
        </div>
        <div className="sy-help-grid">
          {groups.map((group) => (
            <section key={group} aria-label={group}>
              <h3>{group}</h3>
              <dl>
                {shortcuts
                  .filter((shortcut) => shortcut.group === group)
                  .map((shortcut) => (
                    <div key={shortcut.id} className="sy-help-row">
                      <dt>{shortcut.label}</dt>
                      <dd>
                        {shortcut.keys.map((key) => (
                          <kbd key={key}>{key}</kbd>
                        ))}
                      </dd>
                    </div>
                  ))}
              </dl>
            </section>
          ))}
          <section aria-label="Mouse">
            <h3>Mouse</h3>
            <dl>
              {mouse.map((item) => (
                <div key={item.label} className="sy-help-row">
                  <dt>{item.label}</dt>
                  <dd>
                    {item.keys.map((key) => (
                      <kbd key={key}>{key}</kbd>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        </div>
      </div>
    </div>
  );
}

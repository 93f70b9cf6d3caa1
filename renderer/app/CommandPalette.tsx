import { useCallback, useMemo, useState } from "react";
import { COMMAND_TABLE, type CommandId } from "../../shared/command-table";
import { canRunCommand, runCommand } from "../commands/registry/app-commands";
import { commandContext } from "../commands/registry/command-context";
import { useUiStore } from "../stores/ui-store";
import { fuzzyFilter } from "./fuzzy-match";
import { Icon } from "./Icon";
import { keyLabels } from "./keys";
import { useSearchList } from "./use-search-list";

interface Entry {
  id: CommandId;
  label: string;
  keys: string[];
  enabled: boolean;
}

/** Ctrl/Cmd+Shift+P: every command of the registry, fuzzy-searched, with its shortcut; Enter runs it. */
export function CommandPalette() {
  // What can run is decided when the palette opens, on the context the person was in (not the palette's input).
  const [context] = useState(() => ({ ...commandContext(), typing: false }));
  const entries = useMemo<Entry[]>(
    () => COMMAND_TABLE.map((info) => ({ id: info.id, label: `${info.group}: ${info.title}`, keys: keyLabels(info.id), enabled: canRunCommand(info.id, context) })),
    [context],
  );
  const matchesOf = useCallback((query: string) => fuzzyFilter(query, entries, (entry) => entry.label), [entries]);
  const close = () => useUiStore.setState({ paletteOpen: false });
  const choose = (entry: Entry | undefined) => {
    if (!entry || !entry.enabled) return;
    close();
    runCommand(entry.id, context);
  };
  const { query, setQuery, active, setActive, input, matches, onKeyDown } = useSearchList(matchesOf, choose, close);

  return (
    <div className="sy-overlay" onMouseDown={close}>
      <div className="sy-quickadd sy-palette" role="dialog" aria-modal="true" aria-label="Command palette" onMouseDown={(event) => event.stopPropagation()}>
        <div className="sy-quickadd-search">
          <Icon name="search" size={16} />
          <input
            ref={input}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder="Type a command…"
            aria-label="Search commands"
            role="combobox"
            aria-expanded="true"
            aria-controls="sy-palette-list"
            aria-activedescendant={matches[active] ? `sy-palette-${matches[active].id}` : undefined}
          />
        </div>
        <ul id="sy-palette-list" role="listbox" aria-label="Commands">
          {matches.map((entry, i) => (
            <li
              key={entry.id}
              id={`sy-palette-${entry.id}`}
              role="option"
              aria-selected={i === active}
              aria-disabled={!entry.enabled}
              className={`${i === active ? "is-active" : ""} ${entry.enabled ? "" : "is-disabled"}`}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(entry)}
            >
              <span className="sy-palette-label">{entry.label}</span>
              {entry.keys.length > 0 && (
                <span className="sy-palette-keys">
                  {entry.keys.map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </span>
              )}
            </li>
          ))}
          {matches.length === 0 && <li className="sy-quickadd-none">No command matches “{query}”</li>}
        </ul>
      </div>
    </div>
  );
}

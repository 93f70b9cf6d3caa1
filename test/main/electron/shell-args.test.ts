import { parseLaunchArgs } from "../../../main/electron/shell-args";

const cwd = "/home/me";

describe("launch arguments", () => {
  it.each([
    [["/opt/Switchyard/switchyard-desktop"], false, {}],
    [["/opt/Switchyard/switchyard-desktop", "--workspace", "agents"], false, { workspace: "/home/me/agents" }],
    [["/opt/Switchyard/switchyard-desktop", "--workspace=/srv/ws"], false, { workspace: "/srv/ws" }],
    [["/opt/Switchyard/switchyard-desktop", "projects/triage.graph.json"], false, { workspace: "/home/me/projects", graph: "triage" }],
    [["/opt/Switchyard/switchyard-desktop", "--no-sandbox", "--enable-logging", "ws"], false, { workspace: "/home/me/ws" }],
    [["/usr/bin/electron", "/repo", "--workspace", "ws"], true, { workspace: "/home/me/ws" }],
    [["/usr/bin/electron", "/repo"], true, {}],
    [["/usr/bin/electron", "--no-sandbox", "--inspect=0", "--remote-debugging-port=0", "/repo", "--workspace", "ws"], true, { workspace: "/home/me/ws" }],
    [["/usr/bin/electron", "--no-sandbox"], true, {}],
  ] as const)("%j (defaultApp %s) -> %j", (argv, defaultApp, expected) => {
    expect(parseLaunchArgs(argv, { defaultApp, cwd })).toEqual(expected);
  });
});

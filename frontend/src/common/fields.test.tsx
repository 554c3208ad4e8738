import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { Radios } from "./fields";
import { explanations, LEVEL_ENTRIES } from "./glossary";

afterEach(cleanup);

describe("Radios", () => {
  it("gives an option its hint as the option's description, and none to an option without", () => {
    render(
      <Radios
        id="level"
        label="Level"
        value=""
        options={[
          ["own_team", "Own team"],
          ["other", "Other"],
        ]}
        hints={{ own_team: explanations(LEVEL_ENTRIES).own_team }}
        onChange={() => {}}
      />,
    );
    const team = screen.getByRole("radio", { name: "Own team" });
    const hint = document.getElementById(team.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent).toBe(LEVEL_ENTRIES.own_team.explanation);
    expect(screen.getByRole("radio", { name: "Other" }).getAttribute("aria-describedby")).toBeNull();
  });
});

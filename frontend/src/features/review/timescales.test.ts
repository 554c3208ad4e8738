import { describe, expect, it } from "vitest";

import { REVIEW } from "../../testing/review";
import { addMonths, addWorkingDays, timescales } from "./timescales";

describe("timescales", () => {
  it("counts working days over a weekend", () => {
    expect(addWorkingDays("2024-03-04", 5)).toBe("2024-03-11"); // Monday to Monday
    expect(addWorkingDays("2024-03-08", 1)).toBe("2024-03-11"); // Friday to Monday
  });

  it("adds months without running past the end of a short month", () => {
    expect(addMonths("2024-08-31", 6)).toBe("2025-02-28");
    expect(addMonths("2024-04-01", 6)).toBe("2024-10-01");
  });

  it("judges each step of a local review", () => {
    const steps = timescales(REVIEW, "2024-12-01");
    expect(steps.map((s) => [s.name, s.due, s.state])).toEqual([
      ["Notification", "2024-03-11", "met"],
      ["Rapid review", "2024-03-28", "overdue"],
      ["Publication", "2024-10-01", "overdue"],
    ]);
    expect(timescales({ ...REVIEW, publication_date: "2024-11-01" }, "2024-12-01")[2].state).toBe("missed");
    expect(timescales({ ...REVIEW, rapid_review_date: "2024-03-20" }, "2024-12-01")[1].state).toBe("met");
    expect(timescales({ ...REVIEW, incident_date: null }, "2024-12-01")[0].state).toBe("not-started");
  });

  it("leaves the rapid review out of a serious case review", () => {
    const steps = timescales({ ...REVIEW, review_type: "serious_case_review" }, "2024-05-01");
    expect(steps.map((s) => s.name)).toEqual(["Notification", "Publication"]);
    expect(steps[1].state).toBe("due");
  });
});

import { describe, expect, it } from "vitest";

import { LEAD } from "../../testing/review";
import { codingOf } from "./targets";
import { tag } from "./testData";

const SECOND = "second.coder@demo.example.org";

describe("codingOf", () => {
  it("counts a coder's blind tags as open until they submit them, and no one else's", () => {
    const tags = [
      tag("factor:7", "sp.management.supervision", SECOND),
      tag("factor:8", "pt.information-sharing", SECOND),
      tag("factor:8", "pt.escalation", LEAD.email, { submitted: true }),
      tag("factor:7", "sp.reasoning.over-optimism", LEAD.email, { agreed: true, submitted: true }),
    ];
    expect(codingOf(tags, SECOND)).toEqual({ submitted: false, byAgreedTags: false, open: 2 });
    const submitted = tags.map((t) => (t.coder === SECOND ? { ...t, submitted: true } : t));
    expect(codingOf(submitted, SECOND)).toEqual({ submitted: true, byAgreedTags: false, open: 0 });
  });

  it("counts the lead's agreed tags recorded directly as their submitted coding", () => {
    const tags = [tag("factor:7", "sp.reasoning.over-optimism", LEAD.email, { agreed: true, submitted: true })];
    expect(codingOf(tags, LEAD.email)).toEqual({ submitted: true, byAgreedTags: true, open: 0 });
  });

  it("closes the lead's coding once they record an agreed tag, as the service does, though it is not their coding", () => {
    // An agreed tag made when two other coders had submitted theirs (or by deciding a
    // disagreement) is not part of a coding, but the lead no longer codes blind.
    const tags = [tag("factor:7", "sp.reasoning.over-optimism", LEAD.email, { agreed: true })];
    expect(codingOf(tags, LEAD.email)).toEqual({ submitted: true, byAgreedTags: true, open: 0 });
  });

  it("says a lead who submitted a blind coding submitted it, agreed tags beside it or not", () => {
    const tags = [
      tag("factor:8", "pt.escalation", LEAD.email, { submitted: true }),
      tag("factor:7", "sp.reasoning.over-optimism", LEAD.email, { agreed: true }),
    ];
    expect(codingOf(tags, LEAD.email)).toEqual({ submitted: true, byAgreedTags: false, open: 0 });
  });
});

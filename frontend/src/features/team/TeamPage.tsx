import { type FormEvent, useState } from "react";

import { everything, ok } from "../../api";
import {
  participantsCreate,
  participantsDelete,
  participantsList,
  teamAdd,
  teamCandidates,
  teamList,
  teamRemove,
} from "../../client/sdk.gen";
import type { ParticipantRead, ParticipantRole, TeamCandidateRead, TeamMemberRead } from "../../client/types.gen";
import { ErrorSummary, type Problem } from "../../common/ErrorSummary";
import { Select, TextInput } from "../../common/fields";
import { Saved } from "../../common/Saved";
import { LoadProblem, useLoad } from "../../common/useLoad";
import { PARTICIPANT_ROLES } from "../../words";
import { useEditable, useReview } from "../review/ReviewLayout";
import { RecordTable } from "../../common/RecordTable";
import { useAction } from "../../common/useAction";

interface Team {
  participants: ParticipantRead[];
  members: TeamMemberRead[];
  /** The reviewers the lead may add as a second coder (only the lead is told). */
  candidates: TeamCandidateRead[];
}

/**
 * The review's people: its participants by role and agency (never by name), and the
 * workbench accounts on it, who lead and who code. The lead reviewer adds a second coder from
 * the reviewers the partnership has commissioned, which is what makes blind double coding
 * possible on any review, and takes one off.
 */
export function TeamPage() {
  const { review, agencies, lead } = useReview();
  const editable = useEditable();
  // Nobody joins a published review: its coding is closed until its lead reviewer reopens it.
  const mayAdd = lead && review.status !== "published";
  const [loaded, , replace] = useLoad(
    async (signal): Promise<Team> => {
      const path = { review_id: review.id };
      const [participants, members, candidates] = await Promise.all([
        everything((offset) => ok(participantsList({ path, query: { limit: 200, offset }, signal }))),
        ok(teamList({ path, signal })),
        mayAdd ? ok(teamCandidates({ path, signal })) : Promise.resolve({ items: [], total: 0 }),
      ]);
      return { participants, members: members.items, candidates: candidates.items };
    },
    [review.id, mayAdd],
  );
  const [role, setRole] = useState<ParticipantRole | "">("");
  const [agency, setAgency] = useState("");
  const [jobRole, setJobRole] = useState("");
  const [coder, setCoder] = useState("");
  const { problems, refuse: setProblems, saved, busy, errorOf, act: run } = useAction();

  if (loaded.state !== "ready") return <LoadProblem loaded={loaded} what="team" />;
  const team = loaded.data;
  const agencyName = (id: number | null) => (id === null ? "None given" : (agencies.get(id)?.name ?? `Agency ${id}`));

  /** Do `work`, then show the team as it is now. */
  const act = (work: () => Promise<{ next: Partial<Team>; said: string }>, fields: Record<string, string>) =>
    run(async () => {
      const done = await work();
      replace({ ...team, ...done.next });
      return done.said;
    }, fields);

  async function addParticipant(event: FormEvent) {
    event.preventDefault();
    const found: Problem[] = [];
    if (!role) found.push({ field: "participant-role", text: "Select the part they play in the review" });
    if (!jobRole.trim())
      found.push({ field: "participant-job-role", text: "Enter their job role, for example health visitor 1" });
    if (found.length > 0 || !role) {
      setProblems(found);
      return;
    }
    const added = await act(
      async () => {
        const body = { role, job_role: jobRole.trim(), agency_id: agency ? Number(agency) : null };
        const participant = await ok(participantsCreate({ path: { review_id: review.id }, body }));
        return {
          next: { participants: [...team.participants, participant] },
          said: `${participant.job_role} was added to the participants.`,
        };
      },
      { role: "participant-role", job_role: "participant-job-role", agency_id: "participant-agency" },
    );
    if (added) {
      setRole("");
      setAgency("");
      setJobRole("");
    }
  }

  async function removeParticipant(participant: ParticipantRead) {
    await act(async () => {
      await ok(participantsDelete({ path: { review_id: review.id, participant_id: participant.id } }));
      return {
        next: { participants: team.participants.filter((one) => one.id !== participant.id) },
        said: `${participant.job_role} was removed from the participants.`,
      };
    }, {});
  }

  async function addCoder(event: FormEvent) {
    event.preventDefault();
    if (!coder) {
      setProblems([{ field: "second-coder", text: "Select the reviewer who will code the review" }]);
      return;
    }
    const added = await act(
      async () => {
        const member = await ok(teamAdd({ path: { review_id: review.id }, body: { user_id: Number(coder) } }));
        return {
          next: {
            members: [...team.members, member],
            candidates: team.candidates.filter((one) => one.user_id !== member.user_id),
          },
          said: `${member.email} was added as a coder. They now see the review in their list and code it blind.`,
        };
      },
      { user_id: "second-coder" },
    );
    if (added) setCoder("");
  }

  async function removeCoder(member: TeamMemberRead) {
    await act(async () => {
      await ok(teamRemove({ path: { review_id: review.id, user_id: member.user_id } }));
      const candidates = [...team.candidates, { user_id: member.user_id, email: member.email }];
      return {
        next: {
          members: team.members.filter((one) => one.user_id !== member.user_id),
          candidates: candidates.sort((a, b) => a.email.localeCompare(b.email)),
        },
        said: `${member.email} was taken off the team. The tags they made stay in the review's coding history.`,
      };
    }, {});
  }

  return (
    <>
      <Saved what={saved} />
      <ErrorSummary problems={problems} />
      <h1 className="govuk-heading-l">Team</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <p className="govuk-body">
            The people who take part in the review, by their role and agency, never by name: the lead reviewers, the
            review team of senior managers from the agencies involved, the case group of practitioners who worked with
            the family, and the family.
          </p>
        </div>
      </div>

      <RecordTable
        caption="Participants"
        records={team.participants}
        empty="No participants are recorded yet."
        columns={[
          { header: "Part in the review", cell: (participant) => PARTICIPANT_ROLES[participant.role] },
          { header: "Job role", cell: (participant) => participant.job_role },
          { header: "Agency", cell: (participant) => agencyName(participant.agency_id) },
          {
            header: <span className="govuk-visually-hidden">Actions</span>,
            shown: editable,
            cell: (participant) => (
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                disabled={busy}
                onClick={() => removeParticipant(participant)}
              >
                {"Remove "}
                <span className="govuk-visually-hidden">{participant.job_role}</span>
              </button>
            ),
          },
        ]}
      />

      {editable && (
        <form noValidate onSubmit={addParticipant} aria-label="Add a participant">
          <h2 className="govuk-heading-m">Add a participant</h2>
          <div className="scr-filters">
            <Select
              id="participant-role"
              label="Part in the review"
              value={role}
              empty="Choose"
              options={Object.entries(PARTICIPANT_ROLES)}
              error={errorOf("participant-role")}
              onChange={(value) => setRole(value as ParticipantRole | "")}
            />
            <TextInput
              id="participant-job-role"
              label="Job role"
              hint="A role, never a name: for example, health visitor 1."
              width="govuk-input--width-20"
              value={jobRole}
              error={errorOf("participant-job-role")}
              onChange={setJobRole}
            />
            <Select
              id="participant-agency"
              label="Agency"
              value={agency}
              empty="None"
              options={[...agencies.values()].map((one) => [String(one.id), one.name])}
              error={errorOf("participant-agency")}
              onChange={setAgency}
            />
            <div className="govuk-form-group">
              <button type="submit" className="govuk-button" disabled={busy}>
                Add the participant
              </button>
            </div>
          </div>
        </form>
      )}

      <h2 className="govuk-heading-m">Who uses the workbench on this review</h2>
      <p className="govuk-body">
        Everyone on the team codes the review against the typology. Coding is blind: a coder sees no other coder's tags,
        agreed ones included, until they have submitted their own. The lead reviewer then compares the codings and
        decides where coders disagree.
      </p>
      <RecordTable
        caption="The review's team"
        captionClass="govuk-table__caption--s"
        records={team.members}
        empty="No reviewer works on this review in the workbench."
        rowKey={(member) => member.user_id}
        columns={[
          { header: "Account", cell: (member) => member.email },
          { header: "Part", cell: (member) => (member.lead ? "Lead reviewer, codes" : "Codes") },
          {
            header: "Coding",
            cell: (member) =>
              member.submitted ? (
                <strong className="govuk-tag govuk-tag--green">Submitted</strong>
              ) : (
                <strong className="govuk-tag govuk-tag--grey">Not submitted yet</strong>
              ),
          },
          {
            header: <span className="govuk-visually-hidden">Actions</span>,
            shown: lead,
            cell: (member) =>
              !member.lead && (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  disabled={busy}
                  onClick={() => removeCoder(member)}
                >
                  {"Take off the team "}
                  <span className="govuk-visually-hidden">{member.email}</span>
                </button>
              ),
          },
        ]}
      />

      {mayAdd && (
        <form noValidate onSubmit={addCoder} aria-label="Add a second coder">
          <h2 className="govuk-heading-m">Add a second coder</h2>
          {team.candidates.length === 0 ? (
            <p className="govuk-body">
              Every reviewer your partnership has commissioned is on the team already. An administrator records a
              partnership's commissions.
            </p>
          ) : (
            <div className="scr-filters">
              <Select
                id="second-coder"
                label="Reviewer"
                hint="The reviewers the partnership has commissioned who are not on the team."
                value={coder}
                empty="Choose"
                options={team.candidates.map((one) => [String(one.user_id), one.email])}
                error={errorOf("second-coder")}
                onChange={setCoder}
              />
              <div className="govuk-form-group">
                <button type="submit" className="govuk-button" disabled={busy}>
                  Add as a coder
                </button>
              </div>
            </div>
          )}
        </form>
      )}
      {lead && !mayAdd && (
        <p className="govuk-inset-text">The review is published, so nobody joins its team until it is reopened.</p>
      )}
      {!lead && (
        <p className="govuk-inset-text">Only the review's lead reviewer can add a coder or take one off the team.</p>
      )}
    </>
  );
}

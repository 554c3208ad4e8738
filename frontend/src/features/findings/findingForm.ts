// The finding editor's fields as typed, and the API's finding from and to them. A finding
// carries its questions for the Board, and for each the Board's response and actions: the
// service replaces the whole list when it is sent, so the form holds all of it.

import { ApiError } from "../../api";
import type { ActionStatus, BoardQuestionIn, FindingCreate, FindingRead, PatternKind } from "../../client/types.gen";
import { type DateParts, fromParts, NO_DATE, toParts } from "../../common/dates";
import type { Problem } from "../../common/ErrorSummary";
import { ordinalOrNothing, readOrdinal } from "../../common/ordinal";

export interface ActionForm {
  /** Stable while the form lives (React's key), not sent. */
  key: string;
  description: string;
  ownerRole: string;
  due: DateParts;
  status: ActionStatus;
}

export interface QuestionForm {
  key: string;
  question: string;
  response: string;
  responseDate: DateParts;
  actions: ActionForm[];
}

export interface FindingForm {
  ordinal: string;
  title: string;
  statement: string;
  patternKind: PatternKind;
  category: string;
  howItAppeared: string;
  evidenceBeyondCase: string;
  whyItMatters: string;
  questions: QuestionForm[];
}

export const TITLE_LENGTH = 200;
export const QUESTION_LENGTH = 2000;
export const OWNER_LENGTH = 200;
/** The service takes at most this many questions a finding, and actions a question. */
export const MOST_QUESTIONS = 50;
export const MOST_ACTIONS = 50;

export function formOf(finding: FindingRead | null): FindingForm {
  return {
    ordinal: finding ? String(finding.ordinal) : "",
    title: finding?.title ?? "",
    statement: finding?.statement ?? "",
    patternKind: finding?.pattern_kind ?? "unsafe",
    category: finding?.category ?? "",
    howItAppeared: finding?.how_it_appeared ?? "",
    evidenceBeyondCase: finding?.evidence_beyond_case ?? "",
    whyItMatters: finding?.why_it_matters ?? "",
    questions: (finding?.questions ?? []).map((q) => ({
      key: `question-${q.id}`,
      question: q.question,
      response: q.board_response ?? "",
      responseDate: toParts(q.response_date),
      actions: q.actions.map((a) => ({
        key: `action-${a.id}`,
        description: a.description,
        ownerRole: a.owner_role ?? "",
        due: toParts(a.due_date),
        status: a.status,
      })),
    })),
  };
}

let made = 0;

/** A new, empty question (its key unique in the page). */
export function newQuestion(): QuestionForm {
  made += 1;
  return { key: `new-question-${made}`, question: "", response: "", responseDate: NO_DATE, actions: [] };
}

export function newAction(): ActionForm {
  made += 1;
  return { key: `new-action-${made}`, description: "", ownerRole: "", due: NO_DATE, status: "planned" };
}

/** The ids of a question's fields and of its actions' (numbered from 1, as the page shows them). */
export const ids = {
  questions: "questions",
  question: (q: number) => `question-${q + 1}`,
  response: (q: number) => `question-${q + 1}-response`,
  responseDate: (q: number) => `question-${q + 1}-response-date`,
  actions: (q: number) => `question-${q + 1}-actions`,
  action: (q: number, a: number) => `question-${q + 1}-action-${a + 1}`,
  owner: (q: number, a: number) => `question-${q + 1}-action-${a + 1}-owner`,
  due: (q: number, a: number) => `question-${q + 1}-action-${a + 1}-due`,
  status: (q: number, a: number) => `question-${q + 1}-action-${a + 1}-status`,
};

const text = (value: string) => value.trim() || null;

/** The date the boxes say, or null when they are empty or not (yet) a date. */
function isoOrNull(parts: DateParts): string | null {
  const read = fromParts(parts, "");
  return "iso" in read ? read.iso : null;
}

type FindingBody = Required<Omit<FindingCreate, "ordinal">> & { ordinal?: number };

/** The finding as the form would send it, without checking it (for showing beside another version). */
export function draftOf(form: FindingForm): FindingBody {
  const ordinal = ordinalOrNothing(form.ordinal);
  const questions: BoardQuestionIn[] = form.questions.map((q) => ({
    question: q.question.trim(),
    board_response: text(q.response),
    response_date: isoOrNull(q.responseDate),
    actions: q.actions.map((a) => ({
      description: a.description.trim(),
      owner_role: text(a.ownerRole),
      due_date: isoOrNull(a.due),
      status: a.status,
    })),
  }));
  return {
    ...(ordinal !== undefined ? { ordinal } : {}),
    title: form.title.trim(),
    statement: form.statement.trim(),
    pattern_kind: form.patternKind,
    category: form.category || null,
    how_it_appeared: text(form.howItAppeared),
    evidence_beyond_case: text(form.evidenceBeyondCase),
    why_it_matters: text(form.whyItMatters),
    questions,
  };
}

/** The finding the form describes, or the problems that stop it being sent. */
export function findingOf(form: FindingForm): { finding: FindingBody } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const number = readOrdinal(form.ordinal);
  if ("problem" in number) problems.push({ field: "ordinal", text: number.problem });
  const title = form.title.trim();
  if (!title) problems.push({ field: "title", text: "Enter a title for the finding" });
  else if (title.length > TITLE_LENGTH) {
    problems.push({ field: "title", text: `The title must be ${TITLE_LENGTH} characters or fewer` });
  }
  if (!form.statement.trim()) {
    problems.push({ field: "statement", text: "Enter the statement of the finding: the systemic issue" });
  }
  form.questions.forEach((q, qi) => {
    const n = qi + 1;
    const question = q.question.trim();
    if (!question) {
      problems.push({ field: ids.question(qi), text: `Enter question ${n} for the Board, or remove it` });
    } else if (question.length > QUESTION_LENGTH) {
      problems.push({ field: ids.question(qi), text: `Question ${n} must be ${QUESTION_LENGTH} characters or fewer` });
    }
    const date = fromParts(q.responseDate, `The date of the Board's response to question ${n}`);
    if ("problem" in date) problems.push({ field: ids.responseDate(qi), text: date.problem });
    q.actions.forEach((a, ai) => {
      const which = `action ${ai + 1} of question ${n}`;
      if (!a.description.trim()) {
        problems.push({ field: ids.action(qi, ai), text: `Enter what the Board will do in ${which}, or remove it` });
      }
      if (a.ownerRole.trim().length > OWNER_LENGTH) {
        problems.push({
          field: ids.owner(qi, ai),
          text: `The owner of ${which} must be ${OWNER_LENGTH} characters or fewer`,
        });
      }
      const due = fromParts(a.due, `The due date of ${which}`);
      if ("problem" in due) problems.push({ field: ids.due(qi, ai), text: due.problem });
    });
  });
  if (problems.length > 0) return { problems };
  return { finding: draftOf(form) };
}

/** The API's field names, mapped to the form's ids (for the service's own problems). */
export const FINDING_FIELDS: Record<string, string> = {
  ordinal: "ordinal",
  title: "title",
  statement: "statement",
  pattern_kind: "pattern-kind",
  category: "category",
  how_it_appeared: "how-it-appeared",
  evidence_beyond_case: "evidence-beyond-case",
  why_it_matters: "why-it-matters",
  questions: ids.questions,
};

const QUESTION_PARTS: Record<string, (q: number) => string> = {
  question: ids.question,
  board_response: ids.response,
  response_date: ids.responseDate,
  actions: ids.actions,
};
const ACTION_PARTS: Record<string, (q: number, a: number) => string> = {
  description: ids.action,
  owner_role: ids.owner,
  due_date: ids.due,
  status: ids.status,
};

/**
 * The id of the field a problem the service found inside the questions is about
 * ("questions.1.actions.0.due_date" is the due date of question 2's first action), or null
 * when the path names no field of the form.
 */
export function questionFieldOf(path: string): string | null {
  const [list, q, part, a, actionPart] = path.split(".");
  if (list !== "questions" || !/^\d+$/.test(q ?? "")) return null;
  const qi = Number(q);
  if (part === "actions" && /^\d+$/.test(a ?? "")) {
    const action = ACTION_PARTS[actionPart ?? "description"];
    return action ? action(qi, Number(a)) : ids.action(qi, Number(a));
  }
  return (QUESTION_PARTS[part ?? "question"] ?? ids.question)(qi);
}

/** FINDING_FIELDS, and each field of the form's questions and actions under its own id. */
export function fieldsFor(form: FindingForm): Record<string, string> {
  const fields = { ...FINDING_FIELDS };
  const own = (id: string) => {
    fields[id] = id;
  };
  form.questions.forEach((question, q) => {
    [ids.question(q), ids.response(q), ids.responseDate(q), ids.actions(q)].forEach(own);
    question.actions.forEach((_, a) => {
      [ids.action(q, a), ids.owner(q, a), ids.due(q, a), ids.status(q, a)].forEach(own);
    });
  });
  return fields;
}

/**
 * The service's refusal with each problem inside the questions named by the id of its field
 * (see fieldsFor), so the error summary links to the very box.
 */
export function onQuestionFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || !error.body.errors?.length) return error;
  const errors = error.body.errors.map((problem) => ({
    ...problem,
    field: questionFieldOf(problem.field) ?? problem.field,
  }));
  return new ApiError(error.status, { ...error.body, errors });
}

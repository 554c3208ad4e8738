// The timescales a review's workflow tracks (shared/domain.md): notification within 5
// working days of the incident, the rapid review within 15 working days of notification,
// the local review published within 6 months of its start. Working days skip weekends;
// bank holidays are not known here, so a deadline may fall a day or two early.

import type { ReviewRead } from "../../client/types.gen";

function parse(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addWorkingDays(from: string, days: number): string {
  const date = parse(from);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return iso(date);
}

export function addMonths(from: string, months: number): string {
  const date = parse(from);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, last));
  return iso(date);
}

export type TimescaleState = "met" | "missed" | "due" | "overdue" | "not-started";

export interface Timescale {
  name: string;
  rule: string;
  due: string | null;
  done: string | null;
  state: TimescaleState;
}

function judge(due: string | null, done: string | null, today: string): TimescaleState {
  if (due === null) return "not-started";
  if (done !== null) return done <= due ? "met" : "missed";
  return today > due ? "overdue" : "due";
}

/** Each timescale: when it falls due, when it was done, and whether it was met. */
export function timescales(review: ReviewRead, today: string): Timescale[] {
  const notificationDue = review.incident_date ? addWorkingDays(review.incident_date, 5) : null;
  const found: Timescale[] = [
    {
      name: "Notification",
      rule: "within 5 working days of the incident",
      due: notificationDue,
      done: review.notification_date,
      state: judge(notificationDue, review.notification_date, today),
    },
  ];
  if (review.review_type === "rapid_review" || review.review_type === "local_child_safeguarding_practice_review") {
    const rapidDue = review.notification_date ? addWorkingDays(review.notification_date, 15) : null;
    found.push({
      name: "Rapid review",
      rule: "within 15 working days of notification",
      due: rapidDue,
      done: review.rapid_review_date,
      state: judge(rapidDue, review.rapid_review_date, today),
    });
  }
  const publicationDue = review.start_date ? addMonths(review.start_date, 6) : null;
  found.push({
    name: "Publication",
    rule: "within 6 months of the start of the review",
    due: publicationDue,
    done: review.publication_date,
    state: judge(publicationDue, review.publication_date, today),
  });
  return found;
}

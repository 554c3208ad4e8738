// Kappa's paradox, said beside the figure when it happens: when one answer dominates (nearly
// every record left untagged with a code, or nearly every one tagged), chance agreement is high,
// so kappa is low or 0 even though the coders agree on almost every record.

/** Agreement at least this high with kappa at most KAPPA_LOW is put down to the paradox. */
export const AGREEMENT_HIGH = 0.8;
export const KAPPA_LOW = 0.2;

/**
 * The agreement two coders would reach by chance, from their agreement and Cohen's kappa
 * (kappa = (agreement - chance) / (1 - chance)); undefined when kappa is 1.
 */
export function chanceAgreement(agreement: number, kappa: number): number | null {
  return kappa === 1 ? null : (agreement - kappa) / (1 - kappa);
}

/**
 * The prevalence of the rarer answer: how often, on average, a coder gave it. Two coders who
 * give it equally often (p each) agree by chance p² + (1 - p)², so p = (1 - √(2 × chance - 1)) / 2;
 * if one gives it more often than the other, their average lies within a few tenths of a point
 * of this whenever chance agreement is high.
 */
export function rarerAnswer(chance: number): number {
  return (1 - Math.sqrt(Math.max(0, 2 * chance - 1))) / 2;
}

function share(value: number): string {
  return value < 0.005 ? "under 1%" : `about ${Math.round(value * 100)}%`;
}

/** The note beside a low kappa with high agreement, or null when the figures need none. */
export function kappaParadox(agreement: number | null, kappa: number | null): string | null {
  if (agreement === null || kappa === null || agreement < AGREEMENT_HIGH || kappa > KAPPA_LOW) return null;
  const chance = chanceAgreement(agreement, kappa);
  if (chance === null) return null;
  const whole = (value: number) => `${Math.round(value * 100)}%`;
  return (
    `Kappa is low although the coders agree on ${whole(agreement)} of the records: one answer dominates. ` +
    `The rarer answer (usually "tagged") was given ${share(rarerAnswer(chance))} of the time, so chance alone ` +
    `would give ${whole(chance)} agreement, and kappa counts only agreement beyond chance (kappa's paradox). ` +
    `Read it with the percent agreement and the disagreements.`
  );
}

// Placeholder while the screen is built (issue #8).
export function FactorsPage() {
  return <h1 className="govuk-heading-l">Contributory factors</h1>;
}

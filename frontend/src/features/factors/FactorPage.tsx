// Placeholder while the screen is built (issue #8).
export function FactorPage() {
  return <h1 className="govuk-heading-l">Contributory factor</h1>;
}

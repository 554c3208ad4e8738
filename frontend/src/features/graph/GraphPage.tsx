// Placeholder while the screen is built (issue #8).
export function GraphPage() {
  return <h1 className="govuk-heading-l">Causal graph</h1>;
}

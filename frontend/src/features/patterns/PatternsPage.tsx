// Placeholder while the screen is built (issue #8).
export function PatternsPage() {
  return <h1 className="govuk-heading-l">Patterns across reviews</h1>;
}

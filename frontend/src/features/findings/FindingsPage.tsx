// Placeholder while the screen is built (issue #8).
export function FindingsPage() {
  return <h1 className="govuk-heading-l">Findings</h1>;
}

// Placeholder while the screen is built (issue #8).
export function FindingPage() {
  return <h1 className="govuk-heading-l">Finding</h1>;
}

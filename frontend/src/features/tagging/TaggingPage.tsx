// Placeholder while the screen is built (issue #8).
export function TaggingPage() {
  return <h1 className="govuk-heading-l">Tagging</h1>;
}

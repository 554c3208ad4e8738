// Placeholder while the screen is built (issue #8).
export function IdentifiersPage() {
  return <h1 className="govuk-heading-l">Known identifiers</h1>;
}

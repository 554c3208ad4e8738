// Placeholder while the screen is built (issue #8).
export function TypologyPage() {
  return <h1 className="govuk-heading-l">National typology</h1>;
}

/** The GOV.UK success banner after a save ("The entry was added."). */
export function Saved({ what }: { what?: string }) {
  if (!what) return null;
  return (
    <div className="govuk-notification-banner govuk-notification-banner--success" role="alert">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title">Success</h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{what}</p>
      </div>
    </div>
  );
}

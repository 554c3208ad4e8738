import { Fragment } from "react";

/** Coders' accounts, each allowed to wrap after its "@" rather than anywhere in a narrow column. */
export function Coders({ emails }: { emails: string[] }) {
  return (
    <>
      {emails.map((email, index) => {
        const at = email.indexOf("@");
        return (
          <Fragment key={email}>
            {index > 0 && ", "}
            {at < 0 ? (
              email
            ) : (
              <>
                {email.slice(0, at + 1)}
                <wbr />
                {email.slice(at + 1)}
              </>
            )}
          </Fragment>
        );
      })}
    </>
  );
}

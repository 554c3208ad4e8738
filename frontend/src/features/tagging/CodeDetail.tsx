import { type ReactNode, useEffect, useRef } from "react";
import { Link } from "react-router-dom";

import type { CodeNode } from "../../client/types.gen";
import { CHANGE_WORDS, formerly, type History, replacedBy } from "./changes";
import { ancestorsOf, AXIS_WORDS, labelOf, TARGET_WORDS } from "./codes";

/** One code of the typology: what it means and covers, what it may tag, where it sits. */
export function CodeDetail({
  code,
  index,
  version,
  linkTo,
  focus,
  history = [],
}: {
  code: CodeNode;
  index: Map<string, CodeNode>;
  version: string;
  linkTo: (changes: Record<string, string | null>) => string;
  /** Whether to move the focus to the code when it opens. */
  focus: boolean;
  /** What each version changed from the one before ("formerly", "replaced by"). */
  history?: History;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the heading takes the focus only when another code opens
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [code.id]);
  const ancestors = ancestorsOf(index, code.id);
  const before = formerly(history, version, code.id);
  const after = replacedBy(history, version, code.id);
  const rows: [string, ReactNode][] = [
    ["Code", <code className="scr-code-id">{code.id}</code>],
    ["Axis", AXIS_WORDS[code.axis]],
    ["Definition", code.definition],
    [
      "Includes",
      code.includes.length > 0 ? (
        <ul className="govuk-list govuk-list--bullet">
          {code.includes.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : (
        "Nothing listed"
      ),
    ],
    [
      "Excludes",
      code.excludes.length > 0 ? (
        <ul className="govuk-list govuk-list--bullet">
          {code.excludes.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      ) : (
        "Nothing listed"
      ),
    ],
    [
      "May tag",
      <ul className="govuk-list">
        {code.applies_to.map((target) => (
          <li key={target}>{TARGET_WORDS[target]}</li>
        ))}
      </ul>,
    ],
    [
      "Part of",
      ancestors.length > 0 ? (
        <ul className="govuk-list">
          {ancestors.map((id) => (
            <li key={id}>
              <Link className="govuk-link" to={linkTo({ code: id })}>
                {labelOf(index, id)}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        "A top-level code"
      ),
    ],
    [
      "Sub-codes",
      code.children.length > 0 ? (
        <ul className="govuk-list">
          {code.children.map((child) => (
            <li key={child.id}>
              <Link className="govuk-link" to={linkTo({ code: child.id })}>
                {child.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        "None"
      ),
    ],
    ...(before.length > 0
      ? ([
          [
            "Formerly",
            <ul className="govuk-list">
              {before.map(({ change, from }) => (
                <li key={change.from_code}>
                  <Link className="govuk-link" to={linkTo({ version: from, code: change.from_code })}>
                    {change.from_label ?? change.from_code}
                  </Link>{" "}
                  ({CHANGE_WORDS[change.kind].toLowerCase()}, version {from})
                </li>
              ))}
            </ul>,
          ],
        ] as [string, ReactNode][])
      : []),
    ...(after
      ? ([
          [
            "Replaced by",
            after.change.to.length === 0 || after.change.to.every((t) => t.id === code.id) ? (
              `${CHANGE_WORDS[after.change.kind]} in version ${after.to}${after.change.note ? `: ${after.change.note}` : ""}`
            ) : (
              <ul className="govuk-list">
                {after.change.to.map((t) => (
                  <li key={t.id}>
                    <Link className="govuk-link" to={linkTo({ version: after.to, code: t.id })}>
                      {t.label}
                    </Link>{" "}
                    ({CHANGE_WORDS[after.change.kind].toLowerCase()}, version {after.to})
                  </li>
                ))}
              </ul>
            ),
          ],
        ] as [string, ReactNode][])
      : []),
    [
      "Status",
      code.deprecated
        ? "Deprecated: new tags may not use it. The mapping to the next version says what replaces it."
        : `In use in version ${version}`,
    ],
  ];
  return (
    <section aria-labelledby="code-heading">
      <span className="govuk-caption-m">Typology {version}</span>
      <h2 className="govuk-heading-m" id="code-heading" ref={heading} tabIndex={-1}>
        {code.label}
      </h2>
      {code.deprecated && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This code is deprecated. Tags made with it still count through the mappings, but new tags must use a current
            code.
          </strong>
        </div>
      )}
      <dl className="govuk-summary-list">
        {rows.map(([key, value]) => (
          <div className="govuk-summary-list__row" key={key}>
            <dt className="govuk-summary-list__key">{key}</dt>
            <dd className="govuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

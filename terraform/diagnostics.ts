/**
 * Failures as Terraform shows them: diagnostics with a summary, a detail and, for an argument, the
 * attribute path Terraform underlines in the configuration. Every text has passed the core's
 * redaction (`forDisplay`), so no secret the provider has seen can appear.
 */

import { ModelArtsError, ModelArtsProtocolError, ModelArtsValidationError } from "../provider/support/errors";
import { forDisplay } from "../provider/support/redact";
import { CtyNumberError, type CtyObject } from "./ctyCodec";
import { type AttributePath, attributePathOf, issueText } from "./dataSourceArguments";
import { type Diagnostic, DiagnosticSeverity } from "./protocol/tfplugin6";

/** One diagnostic. */
export function diagnostic(
  severity: DiagnosticSeverity,
  summary: string,
  detail: string,
  path: AttributePath = [],
): Diagnostic {
  return {
    severity,
    summary: forDisplay(summary),
    detail: forDisplay(detail),
    ...(path.length > 0 && {
      attribute: {
        steps: path.map((step) =>
          typeof step === "number" ? { elementKeyInt: step } : { attributeName: step },
        ),
      },
    }),
  };
}

/** What each kind of failure is called in a summary. */
const SUMMARY_OF: Record<string, string> = {
  MODELARTS_CONFIG: "Invalid provider configuration",
  MODELARTS_API: "The ModelArts API refused the lookup",
  MODELARTS_NETWORK: "The ModelArts API could not be reached",
  MODELARTS_RESPONSE: "The ModelArts API answered with something unreadable",
  MODELARTS_TIMEOUT: "The lookup took too long",
  MODELARTS_CANCELLED: "The lookup was cancelled",
  MODELARTS_NO_MATCH: "No visualization job matches",
  MODELARTS_AMBIGUOUS_MATCH: "More than one visualization job matches",
};

/**
 * An error as diagnostics: one per bad argument (with its path) for a validation error; one for any
 * other. Every message is rendered in Terraform's names (`max_retries`, `name_regex`).
 */
export function errorDiagnostics(error: unknown, config: CtyObject): Diagnostic[] {
  if (ModelArtsValidationError.isInstance(error)) {
    const each = error.issues.map((issue) => {
      const path = attributePathOf(issue, config);
      return diagnostic(DiagnosticSeverity.ERROR, "Invalid argument", issueText(issue, path), path);
    });
    const more = error.moreIssues;
    return more === 0
      ? each
      : [
          ...each,
          diagnostic(
            DiagnosticSeverity.ERROR,
            "Invalid argument",
            `...and ${more} more problem${more === 1 ? "" : "s"} like these.`,
          ),
        ];
  }
  // A number too large to hold is the attribute's problem: Terraform underlines it.
  if (error instanceof CtyNumberError) {
    return [diagnostic(DiagnosticSeverity.ERROR, "Invalid argument", error.message, error.steps())];
  }
  // Before the others: a message Terraform sent that cannot be read is no failure of the lookup.
  if (error instanceof ModelArtsProtocolError) {
    return [diagnostic(DiagnosticSeverity.ERROR, "Unreadable request from Terraform", error.message)];
  }
  if (ModelArtsError.isInstance(error)) {
    // A provider argument's message names it (the provider argument access_key): a data source's
    // diagnostic cannot point into the provider block.
    const summary = `${SUMMARY_OF[error.code] ?? "The lookup failed"} (${error.code})`;
    return [diagnostic(DiagnosticSeverity.ERROR, summary, error.messageOn("terraform"))];
  }
  const message = error instanceof Error ? error.message : String(error);
  return [
    diagnostic(
      DiagnosticSeverity.ERROR,
      "Internal error in the modelarts provider",
      `${message}. Please report it at https://github.com/pulumi-modelarts/pulumi-modelarts/issues.`,
    ),
  ];
}

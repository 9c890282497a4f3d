/**
 * Two families of errors, as in Shopify's cli-kit: a UserError is the user's
 * to fix (shown as one line plus a hint, no stack); anything else is a bug in
 * sonde (shown with a stack and a request to report it).
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** Stable identifier, e.g. `ROOT_NOT_FOUND`. */
  readonly code: string;
  /** What the user can do about it. */
  readonly hint?: string;
  /** The first line of the message, without the details. */
  readonly headline: string;
  /** One problem a line, shown indented under the headline (e.g. every problem of a config file). */
  readonly details: readonly string[];

  constructor(code: string, message: string, hint?: string, details: readonly string[] = []) {
    super(details.length > 0 ? [message, ...details.map((detail) => `  ${detail}`)].join('\n') : message);
    this.code = code;
    this.hint = hint;
    this.headline = message;
    this.details = details;
  }
}

/** Raised when a scan is stopped by its AbortSignal (Ctrl-C). */
export class ScanAbortedError extends UserError {
  constructor() {
    // One line: Ctrl-C is the user's own act; nothing to explain.
    super('ABORTED', 'Scan interrupted.');
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

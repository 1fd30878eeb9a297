/**
 * Typed errors, mapped to HTTP status in exactly one place (http/error-handler.ts).
 * `message` is always safe to show to the merchant: never put secrets or upstream bodies in it.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, fields?: Record<string, string>) {
    super(400, 'bad_request', message, fields);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found') {
    super(404, 'not_found', message);
  }
}

/** The request carries no usable credentials. */
export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign-in required: open Fulfillment Bridge from the Apps menu of your BigCommerce control panel.') {
    super(401, 'unauthenticated', message);
  }
}

/** The session was valid once but is not any more (expired, user removed, app uninstalled). */
export class SessionExpiredError extends AppError {
  constructor(message = 'Your session has ended. Reopen Fulfillment Bridge from the Apps menu of your BigCommerce control panel.') {
    super(401, 'session_expired', message);
  }
}

/** A BigCommerce callback (load, uninstall, remove_user) whose signed payload is not acceptable. */
export class InvalidCallbackError extends AppError {
  constructor(reason: string) {
    super(401, 'invalid_signed_payload', reason);
  }
}

/** The OAuth code exchange with BigCommerce failed. */
export class InstallFailedError extends AppError {
  constructor(message: string, status = 400) {
    super(status, 'install_failed', message);
  }
}

export class UpstreamError extends AppError {
  constructor(message: string) {
    super(502, 'upstream_error', message);
  }
}

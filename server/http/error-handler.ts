import type { ErrorRequestHandler } from 'express';
import type { ApiError } from '../api/contract.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logging/logger.js';

/** What Express, body-parser and http-errors hang on their errors; read as unknown until checked. */
interface HttpishError {
  status?: unknown;
  type?: unknown;
  expose?: unknown;
  message?: unknown;
}

/** The one place where errors become HTTP answers. Unknown errors never leak their message. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const e: HttpishError = typeof err === 'object' && err !== null ? err : {};
    let status = 500;
    let body: ApiError = { error: { code: 'internal_error', message: 'Something went wrong on our side. Please try again.' } };
    if (err instanceof AppError) {
      status = err.status;
      body = { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } };
    } else if (typeof e.status === 'number' && e.status >= 400 && e.status < 500 && typeof e.type === 'string') {
      // body-parser errors: too large, malformed JSON, bad encoding.
      status = e.status;
      const message =
        e.type === 'entity.too.large'
          ? 'The request body is too large.'
          : e.type === 'entity.parse.failed'
            ? 'The request body is not valid JSON.'
            : 'The request body could not be read.';
      body = { error: { code: e.type.replace(/\./g, '_'), message } };
    } else if (err instanceof URIError && (err as URIError & { status?: number }).status === 400) {
      // The router decodes route params (an :id) and throws on a malformed %-escape, marked 400.
      status = 400;
      body = { error: { code: 'bad_request', message: 'The address is not valid URL encoding: a % must be followed by two hexadecimal digits.' } };
    } else if (e.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      // Other client errors from Express and its static file server (http-errors mark them
      // `expose`, their short message being safe to show). Upstream errors that carry an HTTP
      // status of their own (BigCommerce, the warehouse) are not the client's fault: they stay 500.
      status = e.status;
      body = {
        error: { code: status === 404 ? 'not_found' : 'bad_request', message: typeof e.message === 'string' && e.message ? e.message : 'The request could not be handled.' },
      };
    }
    if (status >= 500) logger.error({ err, method: req.method, path: req.path }, 'request failed');
    // A rejected webhook may be an attack or a misconfigured hook: worth a line.
    else if (req.path.startsWith('/webhooks/')) logger.warn({ path: req.path, status, reason: body.error.code }, 'webhook rejected');
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}

import type { RequestHandler } from 'express';
import type { Logger } from '../logging/logger.js';

/**
 * Logs method, path (never the query string: callbacks carry codes and signed payloads there),
 * status and duration.
 */
export function requestLogger(logger: Logger, now: () => number): RequestHandler {
  return (req, res, next) => {
    const start = now();
    res.on('finish', () => {
      logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: now() - start }, 'request');
    });
    next();
  };
}

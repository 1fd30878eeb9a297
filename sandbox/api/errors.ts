// Error bodies in the shape each API version uses: v2 answers a JSON array of {status, message};
// v3 answers the ErrorResponse object {status, title, type, errors} of the OpenAPI specs.
import type { Request, Response } from 'express';

export const STATUS_DOC_URL = 'https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes';

export function apiVersion(req: Request): 'v2' | 'v3' {
  return /^\/stores\/[^/]+\/v3(\/|$|\?)/.test(req.originalUrl) ? 'v3' : 'v2';
}

export function sendApiError(req: Request, res: Response, status: number, message: string): void {
  if (apiVersion(req) === 'v3') {
    res.status(status).json({ status, title: message, type: STATUS_DOC_URL, errors: {} });
  } else {
    res.status(status).json([{ status, message }]);
  }
}

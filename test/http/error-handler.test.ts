import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../server/http/error-handler.js';
import { LogCapture } from '../helpers/log-capture.js';

/** Runs the error handler on `err` and returns what it answered. */
function answer(err: unknown): { status: number; body: { error: { code: string; message: string } } } {
  const out = { status: 0, body: undefined as never };
  const res = {
    headersSent: false,
    status(code: number) {
      out.status = code;
      return this;
    },
    json(body: never) {
      out.body = body;
      return this;
    },
  } as unknown as Response;
  errorHandler(new LogCapture().logger)(err, { method: 'GET', path: '/api/orders/x' } as Request, res, () => undefined);
  return out;
}

describe('error handler', () => {
  it('answers a route param with a malformed %-escape (the router marks it 400) with a readable 400', () => {
    const err = Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400, statusCode: 400 });
    expect(answer(err)).toEqual({
      status: 400,
      body: { error: { code: 'bad_request', message: 'The address is not valid URL encoding: a % must be followed by two hexadecimal digits.' } },
    });
  });

  it('keeps other client errors from Express (http-errors, exposed) with their status and message', () => {
    expect(answer(Object.assign(new Error('Range Not Satisfiable'), { status: 416, expose: true }))).toEqual({
      status: 416,
      body: { error: { code: 'bad_request', message: 'Range Not Satisfiable' } },
    });
  });

  it('still answers 500 for our own URIErrors and for upstream errors that carry a 4xx status', () => {
    expect(answer(new URIError('URI malformed')).status).toBe(500);
    const upstream = Object.assign(new Error('BigCommerce answered 404 for /v2/orders/9'), { status: 404 });
    const res = answer(upstream);
    expect(res.status).toBe(500);
    expect(res.body.error.message).not.toContain('BigCommerce answered');
  });
});

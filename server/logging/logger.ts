import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

// Secrets must never reach logs. pino's redaction is the last line of defence; the first is
// that no code logs request URLs with query strings or token-bearing objects.
const REDACT_PATHS = [
  'accessToken',
  'access_token',
  'token',
  'apiKey',
  'api_key',
  'clientSecret',
  'client_secret',
  'code',
  'signed_payload_jwt',
  'authorization',
  '*.accessToken',
  '*.access_token',
  '*.token',
  '*.apiKey',
  '*.api_key',
  '*.clientSecret',
  '*.client_secret',
  '*.signed_payload_jwt',
  '*.authorization',
  '*.headers.authorization',
  '*.headers["x-auth-token"]',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: 'fulfillment-bridge' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../server/logging/logger.js';

/** A real pino logger whose output is kept in memory, so tests can search every line. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly logger: Logger;

  constructor(level = 'debug') {
    const sink = new Writable({
      write: (chunk: Buffer, _enc, cb) => {
        this.lines.push(chunk.toString('utf8'));
        cb();
      },
    });
    this.logger = createLogger(level, sink);
  }

  text(): string {
    return this.lines.join('');
  }
}

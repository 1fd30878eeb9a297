// Issue 9 point 1: the readiness scan starts by itself when the import status is confirmed for the
// first time (and after the first warehouse connection, settings-routes.ts), not on every save.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOB } from '../../server/flows/job-catalogue.js';
import { signedInBareApp, type SignedInApp } from '../helpers/bare-app.js';

let t: SignedInApp;
beforeAll(async () => {
  t = await signedInBareApp();
});
afterAll(async () => t?.close());

const scanJobs = () => t.db('jobs').where({ kind: JOB.readinessScan });

describe('the readiness scan after the first setup steps', () => {
  it('confirming the import status the first time queues a scan; saving it again does not queue another', async () => {
    expect(await scanJobs()).toHaveLength(0);
    expect((await t.api('put', '/api/settings/import', { importStatusId: 11, statusAfterAcceptId: null })).status).toBe(200);
    expect(await scanJobs()).toHaveLength(1);
    expect((await t.api('get', '/api/readiness')).body.state).toBe('queued');
    await t.db('jobs').where({ kind: JOB.readinessScan }).update({ state: 'done' });
    await t.db('readiness_scans').update({ state: 'done' });
    expect((await t.api('put', '/api/settings/import', { importStatusId: 11, statusAfterAcceptId: 9 })).status).toBe(200);
    expect(await scanJobs()).toHaveLength(1);
  });
});

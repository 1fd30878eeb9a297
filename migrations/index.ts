import type { Knex } from 'knex';
import * as m001 from './001_foundation.js';
import * as m002 from './002_jobs.js';
import * as m003 from './003_order_import.js';
import * as m004 from './004_closing_the_loop.js';
import * as m005 from './005_job_fairness.js';
import * as m006 from './006_retention.js';
import * as m007 from './007_secret_health.js';
import * as m008 from './008_database_health.js';
import * as m009 from './009_shipment_failures.js';
import * as m010 from './010_order_send_safety.js';
import * as m011 from './011_seen_shipping_methods.js';
import * as m013 from './013_import_status_saved.js';
import * as m012 from './012_shipment_claims.js';
import * as m014 from './014_cockpit.js';
import * as m015 from './015_attention_subject.js';
import * as m016 from './016_health_indexes.js';
import * as m017 from './017_history_source.js';
import * as m018 from './018_team_audit.js';
import * as m019 from './019_readiness.js';
import * as m020 from './020_order_rules.js';
import * as m021 from './021_bundles.js';
import * as m022 from './022_backfill.js';
import * as m023 from './023_api_economy.js';
import * as m024 from './024_settings_revision.js';
import * as m025 from './025_scheduler_and_quota.js';

// Migrations are listed here rather than discovered on disk, so the same code runs from the
// TypeScript sources (tsx, vitest) and from the compiled build without a loader.
const migrations: Record<string, Knex.Migration> = {
  '001_foundation': m001,
  '002_jobs': m002,
  '003_order_import': m003,
  '004_closing_the_loop': m004,
  '005_job_fairness': m005,
  '006_retention': m006,
  '007_secret_health': m007,
  '008_database_health': m008,
  '009_shipment_failures': m009,
  '010_order_send_safety': m010,
  '011_seen_shipping_methods': m011,
  '013_import_status_saved': m013,
  '012_shipment_claims': m012,
  '014_cockpit': m014,
  '015_attention_subject': m015,
  '016_health_indexes': m016,
  '017_history_source': m017,
  '018_team_audit': m018,
  '019_readiness': m019,
  '020_order_rules': m020,
  '021_bundles': m021,
  '022_backfill': m022,
  '023_api_economy': m023,
  '024_settings_revision': m024,
  '025_scheduler_and_quota': m025,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations).sort(),
  getMigrationName: (name) => name,
  getMigration: async (name) => {
    const m = migrations[name];
    if (!m) throw new Error(`Unknown migration ${name}`);
    return m;
  },
};

import type { ReactNode } from 'react';
import { QuotaSharePanel } from '../backfill/QuotaSharePanel';
import { FallbackMethodPanel } from '../rules/FallbackMethodPanel';
import { PreviewPanel } from '../rules/PreviewPanel';
import { RulesPanel } from '../rules/RulesPanel';
import { ReadinessPanel } from '../setup/ReadinessPanel';
import { BackendPanel } from './BackendPanel';
import { CancellationsPanel } from './CancellationsPanel';
import { CarrierMappingsPanel } from './CarrierMappingsPanel';
import { SETTINGS_SECTIONS } from './deepLink';
import { FlowSwitchPanel } from './FlowSwitchPanel';
import { ImportPanel } from './ImportPanel';
import { InventorySettingsPanel } from './InventorySettingsPanel';
import { NotificationsPanel } from './NotificationsPanel';
import type { SettingsSectionId } from './sections';
import { useSettingsContext } from './SettingsContext';
import { ShippingMappingsPanel } from './ShippingMappingsPanel';
import { SkuMappingsPanel } from './SkuMappingsPanel';
import { TeamPanel } from './TeamPanel';
import { WebhookHealthPanel } from './WebhookHealthPanel';

/** Sections whose panels read the saved settings (the others load their own data). */
export const SECTIONS_NEEDING_SETTINGS: ReadonlySet<SettingsSectionId> = new Set(['connection', 'orders', 'shipping', 'inventory', 'cancellations']);

function Connection() {
  const { settings } = useSettingsContext();
  return (
    <>
      <BackendPanel />
      <WebhookHealthPanel webhooks={settings.webhooks} />
      <ReadinessPanel />
    </>
  );
}

// Each flow's switch heads the section of what it syncs; the panels from other areas (rules, the
// API quota share, the fallback method, the readiness scan, the team) own their save.
const CONTENT: Record<SettingsSectionId, () => ReactNode> = {
  connection: () => <Connection />,
  orders: () => (
    <>
      <FlowSwitchPanel flow="orders" />
      <ImportPanel />
      <QuotaSharePanel />
      <div id={SETTINGS_SECTIONS.rules}>
        <RulesPanel />
      </div>
      <PreviewPanel />
    </>
  ),
  shipping: ShippingSection,
  inventory: () => (
    <>
      <FlowSwitchPanel flow="inventory" />
      <InventorySettingsPanel />
    </>
  ),
  cancellations: () => (
    <>
      <FlowSwitchPanel flow="cancellations" />
      <CancellationsPanel />
    </>
  ),
  mappings: () => <SkuMappingsPanel />,
  notifications: () => <NotificationsPanel />,
  team: () => <TeamPanel />,
};

function ShippingSection() {
  const fulfillmentOn = useSettingsContext().settings.flows.fulfillment;
  return (
    <>
      <FlowSwitchPanel flow="fulfillment" />
      <ShippingMappingsPanel />
      <FallbackMethodPanel />
      <CarrierMappingsPanel fulfillmentOn={fulfillmentOn} />
    </>
  );
}

export function SectionContent({ section }: { section: SettingsSectionId }) {
  const Content = CONTENT[section];
  return <Content />;
}

import { Badge, Box, Button, Flex, H3, InlineMessage, Message, Panel, Small, Text } from '@bigcommerce/big-design';
import type { ReadinessCheckView, ReadinessScanView } from '../../../../server/api/contract';
import { DateTime } from '../../components/DateTime';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { FindingFix } from './FindingFix';
import { LabelledProgressBar } from './LabelledProgressBar';
import { checkBadge, progressLabel, progressPercent, safeFix, scanIsActive, scanSummary, severityBadge, shownOfTotal } from './readiness';
import { readinessStore } from './readinessInstance';
import type { ReadinessState } from './readinessStore';
import { CheckList, FindingList } from './readinessStyles';
import { useReadiness } from './useReadiness';

const DESCRIPTION =
  'Finds what would hold an order before the first one does: shipping methods without a warehouse service, products without a SKU, SKUs your warehouse does not know, and stock that is not tracked. It reads your store only; nothing is changed or sent.';

/** The readiness scan: run it, follow its progress, fix what it finds. Used in the setup and in Settings › Connection. */
export function ReadinessPanel() {
  const state = useReadiness();
  const { view } = state;
  const active = scanIsActive(view) || state.starting;
  const neverRun = view !== null && view.state === 'none';

  return (
    <Panel
      header="Readiness scan"
      description={DESCRIPTION}
      action={view && !neverRun ? { text: 'Scan again', variant: 'secondary', disabled: active, onClick: () => void readinessStore.scan() } : undefined}
    >
      <ScanBody state={state} />
    </Panel>
  );
}

function ScanBody({ state }: { state: ReadinessState }) {
  const { view, loadError, startError } = state;
  if (!view) {
    if (loadError) return <ErrorMessage header="The last scan couldn't be loaded" message={loadError.message} onRetry={() => void readinessStore.load()} />;
    return <Loading label="Loading the last scan…" />;
  }
  return (
    <>
      {startError && <InlineMessage type="error" marginBottom="medium" header="The scan didn't start" messages={[{ text: startError.message }]} />}
      {view.state === 'none' ? <NeverRun starting={state.starting} /> : <ScanStatus view={view} />}
      {loadError && (
        <Small color="secondary60" role="status">
          The progress could not be refreshed: {loadError.message}
        </Small>
      )}
      {view.checks.length > 0 && (
        <CheckList aria-label="Checks">
          {view.checks.map((check) => (
            <CheckItem key={check.check} check={check} state={state} />
          ))}
        </CheckList>
      )}
    </>
  );
}

function NeverRun({ starting }: { starting: boolean }) {
  return (
    <Box marginBottom="medium">
      <Text>The scan has not run yet. It takes a minute or two on most stores, and you can leave this page meanwhile.</Text>
      <Button type="button" isLoading={starting} onClick={() => void readinessStore.scan()}>
        Run the scan
      </Button>
    </Box>
  );
}

function ScanStatus({ view }: { view: ReadinessScanView }) {
  if (scanIsActive(view)) {
    const label = progressLabel(view);
    return (
      <Box marginBottom="medium">
        <Text marginBottom="xSmall" role="status" aria-live="polite">
          {label}
        </Text>
        <LabelledProgressBar percent={progressPercent(view)} label="Readiness scan progress" />
      </Box>
    );
  }
  const summary = scanSummary(view);
  return (
    <Box marginBottom="medium">
      <Message type={summary.tone} marginBottom="xSmall" header={view.state === 'failed' ? 'The scan stopped' : 'Scan finished'} messages={[{ text: summary.text }]} />
      {view.finishedAt && (
        <Small color="secondary60" marginBottom="none">
          Last scanned <DateTime iso={view.finishedAt} />.
        </Small>
      )}
    </Box>
  );
}

function CheckItem({ check, state }: { check: ReadinessCheckView; state: ReadinessState }) {
  const badge = checkBadge(check);
  const more = shownOfTotal(check);
  return (
    <li>
      <Flex alignItems="center" flexGap="0.5rem" flexWrap="wrap">
        <H3 marginBottom="none">{check.title}</H3>
        <Badge label={badge.label} variant={badge.variant} />
      </Flex>
      <Small marginBottom={check.findings.length > 0 ? 'small' : 'none'}>{check.summary}</Small>
      {check.findings.length > 0 && (
        <FindingList aria-label={`${check.title}: findings`}>
          {check.findings.map((finding, i) => {
            const fix = safeFix(finding.fix);
            const severity = severityBadge(finding);
            return (
              <li key={`${finding.subject}-${i}`}>
                <div>
                  <Flex alignItems="center" flexGap="0.5rem" flexWrap="wrap">
                    <Text bold marginBottom="none">
                      {finding.subject}
                    </Text>
                    <Badge label={severity.label} variant={severity.variant} />
                  </Flex>
                  <Small marginBottom="none">{finding.message}</Small>
                </div>
                {fix && (
                  <FindingFix
                    fix={fix}
                    subject={finding.subject}
                    state={fix.kind === 'action' ? state.fixes[fix.productId] : undefined}
                    onAction={(productId) => void readinessStore.trackInventory(productId)}
                  />
                )}
              </li>
            );
          })}
        </FindingList>
      )}
      {more && (
        <Small color="secondary60" marginTop="xSmall" marginBottom="none">
          {more}
        </Small>
      )}
    </li>
  );
}

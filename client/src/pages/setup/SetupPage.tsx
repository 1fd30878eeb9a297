import { Box, Button, Flex, H2, InlineMessage, Small, Text } from '@bigcommerce/big-design';
import { useEffect, useRef, useState } from 'react';
import type { ImportSettingsInput, OrderStatusOption } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { ErrorMessage } from '../../layout/ErrorMessage';
import { Loading } from '../../layout/Loading';
import { listFrom } from '../../lib/text';
import { hasUnsavedChanges } from '../../lib/unsavedChanges';
import { navigate, useSearch } from '../../router/history';
import { BackendPanel } from '../settings/BackendPanel';
import { ImportPanel } from '../settings/ImportPanel';
import type { FullSettings } from '../settings/flow-settings';
import { SettingsContext } from '../settings/SettingsContext';
import { DoneStep } from './DoneStep';
import { ReadinessPanel } from './ReadinessPanel';
import { SetupStepNav } from './SetupStepNav';
import { firstOpenStep, importConfirmedIn, setupSteps, type SetupStepId } from './setupSteps';
import { stepFromSearch, stepHref } from './stepParam';
import { useReadiness } from './useReadiness';
import { useSetupData } from './useSetupData';

const NOT_ALLOWED = 'Only the store owner and members they allow can change this.';

/**
 * First-run setup: connect the warehouse, confirm the import status, scan the store, then what
 * happens next. Each step shows whether it is done; the merchant can open any step again.
 */
export function SetupPage() {
  const { context, checklist, statuses, failure, canManage } = useSetupData();
  const readiness = useReadiness();
  const [confirmedHere, setConfirmedHere] = useState(false);
  const [blockedNote, setBlockedNote] = useState<string | null>(null);
  const confirm = useAction((input: ImportSettingsInput & { revision: number }) => api.put<FullSettings>('/api/settings/import', input));
  const search = useSearch();
  const stepBox = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  const settings = context?.settings ?? null;
  const ready = settings !== null && checklist !== undefined && (readiness.view !== null || readiness.loadError !== null);
  const steps = settings && checklist ? setupSteps({ backend: settings.backend, importConfirmed: confirmedHere || importConfirmedIn(checklist), scan: readiness.view }) : [];
  const firstOpen = firstOpenStep(steps);
  const asked = stepFromSearch(search);
  const current: SetupStepId = asked ?? firstOpen;

  // Without ?step= the page opens the first step not done, and the address says which, so the
  // merchant comes back to it (browser Back from a fix link, a reload).
  useEffect(() => {
    if (ready && asked === null) navigate(stepHref(firstOpen), { replace: true });
  }, [ready, asked, firstOpen]);

  // Focus follows a step the merchant opened (not the first render).
  useEffect(() => {
    if (moved.current) stepBox.current?.focus();
  }, [current]);

  if (failure) {
    if (failure.error.sessionEnded) return null;
    return <ErrorMessage header="The setup couldn't be loaded" message={failure.error.message} onRetry={failure.retry} />;
  }
  if (!context || !settings || !ready) return <Loading label="Loading the setup…" />;

  const open = (id: SetupStepId) => {
    moved.current = true;
    setBlockedNote(null);
    navigate(stepHref(id), { replace: true });
  };
  const step = steps.find((s) => s.id === current) ?? steps[0]!;
  const following = steps[step.number]?.id ?? null;
  const onConfirm = async () => {
    // Confirming sends the saved status: a change still in the form would be lost without a word.
    if (hasUnsavedChanges()) {
      setBlockedNote('Save or cancel your change above first.');
      return;
    }
    const result = await confirm.run({ importStatusId: settings.importStatusId, statusAfterAcceptId: settings.statusAfterAcceptId, revision: settings.revision });
    if (result) {
      context.onSaved(result);
      setConfirmedHere(true);
      open('scan');
    } else {
      // Someone else saved since: show what is saved now.
      void context.reload().catch(() => undefined);
    }
  };
  const statusList = statuses.status === 'success' ? listFrom<OrderStatusOption>(statuses.data, 'statuses') : [];
  const importStatusLabel = statusList.find((s) => s.id === settings.importStatusId)?.label ?? `status ${settings.importStatusId}`;
  const confirming = current === 'import' && step.status !== 'done';
  // A save in the import form confirms the status too.
  const setupContext = {
    ...context,
    onSaved: (next: FullSettings) => {
      context.onSaved(next);
      if (current === 'import') setConfirmedHere(true);
    },
  };

  return (
    <>
      <H2 marginBottom="xxSmall">Set up Fulfillment Bridge</H2>
      <Text color="secondary60" marginBottom="large">
        Four steps, about five minutes. You can leave at any time and come back: steps you finished stay done.
      </Text>
      <SetupStepNav steps={steps} current={current} onSelect={open} />
      <div ref={stepBox} tabIndex={-1} aria-label={`Step ${step.number} of ${steps.length}: ${step.title}`} style={{ outline: 'none' }}>
        <SettingsContext.Provider value={setupContext}>
          {current === 'connect' && <BackendPanel />}
          {current === 'import' && <ImportPanel />}
        </SettingsContext.Provider>
        {current === 'scan' && <ReadinessPanel />}
        {current === 'done' && (
          <DoneStep steps={steps} importStatusLabel={importStatusLabel} accountName={settings.backend.accountName} ordersOn={settings.flows.orders} onOpenStep={open} />
        )}
      </div>
      {confirming && (
        <Box marginBottom="medium">
          {canManage ? (
            <Text>
              Orders are sent when they reach <strong>{importStatusLabel}</strong>. Keep it and confirm, or pick another status above and save it.
            </Text>
          ) : (
            <Small>{NOT_ALLOWED}</Small>
          )}
          {blockedNote && <InlineMessage type="warning" marginBottom="medium" messages={[{ text: blockedNote }]} />}
          {confirm.error && <InlineMessage type="error" marginBottom="medium" header="Not confirmed" messages={[{ text: confirm.error.message }]} />}
        </Box>
      )}
      <Flex flexGap="0.75rem" flexWrap="wrap" justifyContent="flex-end">
        {step.number > 1 && (
          <Button type="button" variant="subtle" onClick={() => open(steps[step.number - 2]!.id)}>
            Back
          </Button>
        )}
        {confirming && canManage ? (
          <Button type="button" isLoading={confirm.busy} onClick={() => void onConfirm()}>
            Confirm {importStatusLabel} and continue
          </Button>
        ) : (
          following && (
            <Button type="button" variant={step.status === 'done' ? 'primary' : 'secondary'} onClick={() => open(following)}>
              {step.status === 'done' || current === 'scan' ? 'Continue' : 'Skip for now'}
            </Button>
          )
        )}
      </Flex>
    </>
  );
}

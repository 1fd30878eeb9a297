import { InlineMessage, Panel, Switch, Text } from '@bigcommerce/big-design';
import { useEffect, useRef, useState } from 'react';
import styled from 'styled-components';
import type { FlowName } from '../../../../server/api/contract';
import { api, asApiError } from '../../api/http';
import {
  flowChange,
  flowErrorText,
  flowSavedText,
  FLOWS,
  loopSettingsOf,
  mergeFlows,
  rollbackFlow,
  type Flows,
  type FullSettings,
} from './loop';

const Rows = styled.ul`
  list-style: none;
  margin: 0;
  padding: 0;
`;

const Row = styled.li`
  display: grid;
  grid-template-columns: auto minmax(0, 1fr) auto;
  column-gap: ${({ theme }) => theme.spacing.medium};
  align-items: start;
  padding: ${({ theme }) => theme.spacing.medium} 0;
  border-top: 1px solid ${({ theme }) => theme.colors.secondary30};

  &:first-child {
    border-top: none;
    padding-top: 0;
  }

  &:last-child {
    padding-bottom: 0;
  }
`;

// Lines the 14px track up with the first line of the label.
const SwitchCell = styled.div`
  padding-top: ${({ theme }) => theme.spacing.xxSmall};
`;

const Label = styled.label`
  display: block;
  color: ${({ theme }) => theme.colors.secondary70};
  font-size: ${({ theme }) => theme.typography.fontSize.medium};
  font-weight: ${({ theme }) => theme.typography.fontWeight.semiBold};
  line-height: ${({ theme }) => theme.lineHeight.medium};
  cursor: pointer;
`;

const State = styled.span<{ $on: boolean }>`
  color: ${({ $on, theme }) => ($on ? theme.colors.success60 : theme.colors.secondary60)};
  font-size: ${({ theme }) => theme.typography.fontSize.small};
  line-height: ${({ theme }) => theme.lineHeight.medium};
  white-space: nowrap;
`;

interface FlowsPanelProps {
  /** The saved switches (from the newest settings answer). */
  flows: Flows;
  onSaved(settings: FullSettings): void;
}

type Notice = { type: 'success' | 'error'; text: string };

/**
 * One switch per flow. A toggle shows at once and is saved on its own (PUT /api/settings/flows
 * with just that flow); if the save fails the switch goes back to the saved value.
 */
export function FlowsPanel({ flows: saved, onSaved }: FlowsPanelProps) {
  const [shown, setShown] = useState<Flows>(saved);
  const [pending, setPending] = useState<ReadonlySet<FlowName>>(new Set());
  const [notice, setNotice] = useState<Notice | null>(null);
  // The latest values for the async callbacks (a second toggle may land before the first answer).
  const savedRef = useRef(saved);
  const pendingRef = useRef(pending);
  savedRef.current = saved;
  pendingRef.current = pending;

  // A newer saved state (this panel's answers, or another panel's) wins, except for switches
  // whose own save is still on its way.
  useEffect(() => {
    setShown((current) => mergeFlows(saved, current, pendingRef.current));
  }, [saved]);

  const setPendingFlow = (name: FlowName, on: boolean) => {
    const next = new Set(pendingRef.current);
    if (on) next.add(name);
    else next.delete(name);
    pendingRef.current = next;
    setPending(next);
  };

  const toggle = async (name: FlowName, on: boolean) => {
    if (pendingRef.current.has(name)) return;
    setNotice(null);
    setShown((current) => ({ ...current, [name]: on }));
    setPendingFlow(name, true);
    try {
      const result = await api.put<FullSettings>('/api/settings/flows', flowChange(name, on));
      setPendingFlow(name, false);
      onSaved(result);
      setNotice({ type: 'success', text: flowSavedText(name, loopSettingsOf(result).flows[name]) });
    } catch (err) {
      setPendingFlow(name, false);
      setShown((current) => rollbackFlow(current, savedRef.current, name));
      const error = asApiError(err);
      // A 401 switches the whole app to "session ended"; nothing to show here.
      if (error.sessionEnded) return;
      setNotice({ type: 'error', text: flowErrorText(name, on, error.message) });
    }
  };

  return (
    <Panel
      header="Sync flows"
      description="Choose what Fulfillment Bridge keeps in sync. Turning a flow off stops it at once; the other flows keep running. Nothing is lost: what arrives while a flow is off (orders, shipments, cancellations) is done when you turn it back on. Stock levels are the exception: the next levels your warehouse reports are written."
    >
      <Rows>
        {FLOWS.map(({ name, label, description }) => {
          const id = `flow-${name}`;
          const on = shown[name];
          const saving = pending.has(name);
          return (
            <Row key={name}>
              <SwitchCell>
                <Switch
                  id={id}
                  role="switch"
                  checked={on}
                  aria-checked={on}
                  // BigDesign's own (empty, aria-hidden) label for the track comes first, so the
                  // name is taken from the visible label explicitly (axe: label-title-only).
                  aria-labelledby={`${id}-label`}
                  aria-describedby={`${id}-description`}
                  aria-busy={saving || undefined}
                  onChange={(event) => void toggle(name, event.target.checked)}
                />
              </SwitchCell>
              <div>
                <Label id={`${id}-label`} htmlFor={id}>
                  {label}
                </Label>
                <Text id={`${id}-description`} color="secondary60" marginBottom="none">
                  {description}
                </Text>
              </div>
              <State $on={on && !saving} aria-hidden>
                {saving ? 'Saving…' : on ? 'On' : 'Off'}
              </State>
            </Row>
          );
        })}
      </Rows>
      <div role="status" aria-live="polite">
        {notice && (
          <InlineMessage
            type={notice.type}
            marginTop="medium"
            header={notice.type === 'error' ? 'Not saved' : undefined}
            messages={[{ text: notice.text }]}
            onClose={() => setNotice(null)}
          />
        )}
      </div>
    </Panel>
  );
}

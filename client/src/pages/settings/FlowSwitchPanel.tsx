import { Form, Panel, Switch, Text } from '@bigcommerce/big-design';
import styled from 'styled-components';
import type { FlowName } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { FormActions } from './FormActions';
import { flowChange, flowInfo, flowSavedText, type FullSettings } from './flow-settings';
import { useSettingsContext } from './SettingsContext';
import { useSettingsForm } from './useSettingsForm';

const Row = styled.div`
  display: grid;
  grid-template-columns: auto minmax(0, 1fr) auto;
  column-gap: ${({ theme }) => theme.spacing.medium};
  align-items: start;
  margin-bottom: ${({ theme }) => theme.spacing.medium};
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

const DESCRIPTION =
  'Turning a flow off stops it at once; the other flows keep running. Nothing is lost: what arrives while it is off is done when you turn it back on (stock levels excepted: the next levels your warehouse reports are written).';

/**
 * The switch of one flow, at the top of its section. Like every Settings form, a change is
 * pending until Save (and Cancel puts it back): a flow is never stopped by a stray click.
 */
export function FlowSwitchPanel({ flow }: { flow: FlowName }) {
  const ctx = useSettingsContext();
  const info = flowInfo(flow);
  const form = useSettingsForm<{ on: boolean }, FullSettings>({
    name: `${info.label} flow`,
    saved: { on: ctx.settings.flows[flow] },
    save: ({ on }) => api.put<FullSettings>('/api/settings/flows', { ...flowChange(flow, on), revision: ctx.settings.revision }),
    onSaved: ctx.onSaved,
    savedText: (result) => flowSavedText(flow, result.flows[flow]),
    reload: ctx.reload,
    readOnly: !ctx.canManage,
  });
  const id = `flow-${flow}`;
  const on = form.values.on;
  const savedOn = ctx.settings.flows[flow];

  return (
    <Panel header={`${info.label} flow`} description={DESCRIPTION}>
      <Form onSubmit={(event) => void form.submit(event)}>
        <Row>
          <SwitchCell>
            <Switch
              id={id}
              role="switch"
              checked={on}
              aria-checked={on}
              disabled={form.readOnly}
              // BigDesign's own (empty, aria-hidden) label for the track comes first, so the name
              // is taken from the visible label explicitly (axe: label-title-only).
              aria-labelledby={`${id}-label`}
              aria-describedby={`${id}-description`}
              onChange={(event) => form.edit({ on: event.target.checked })}
            />
          </SwitchCell>
          <div>
            <Label id={`${id}-label`} htmlFor={id}>
              {info.label}
            </Label>
            <Text id={`${id}-description`} color="secondary60" marginBottom="none">
              {info.description}
            </Text>
          </div>
          <State $on={savedOn && !form.dirty} aria-hidden>
            {form.dirty ? `Turns ${on ? 'on' : 'off'} when saved` : savedOn ? 'On' : 'Off'}
          </State>
        </Row>
        <FormActions form={form} />
      </Form>
    </Panel>
  );
}

import { ProgressCircle } from '@bigcommerce/big-design';
import { CheckCircleIcon, WarningIcon } from '@bigcommerce/big-design-icons';
import styled from 'styled-components';
import { stepStatusText, type SetupStep, type SetupStepId } from './setupSteps';

const Steps = styled.ol`
  display: grid;
  grid-template-columns: repeat(4, minmax(0, 1fr));
  gap: ${({ theme }) => theme.spacing.small};
  list-style: none;
  margin: 0 0 ${({ theme }) => theme.spacing.xLarge};
  padding: 0;

  /* Four across only where each title fits on two lines; the app is narrower in the control panel. */
  @media (max-width: 900px) {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }

  @media (max-width: 520px) {
    grid-template-columns: minmax(0, 1fr);
  }
`;

const StepButton = styled.button<{ $current: boolean }>`
  display: grid;
  grid-template-columns: auto minmax(0, 1fr);
  gap: 0 ${({ theme }) => theme.spacing.small};
  align-items: start;
  width: 100%;
  height: 100%;
  padding: ${({ theme }) => theme.spacing.small} ${({ theme }) => theme.spacing.medium};
  text-align: left;
  font: inherit;
  color: ${({ theme }) => theme.colors.secondary70};
  background: ${({ theme, $current }) => ($current ? theme.colors.primary10 : theme.colors.white)};
  border: 1px solid ${({ theme, $current }) => ($current ? theme.colors.primary : theme.colors.secondary30)};
  border-bottom-width: ${({ $current }) => ($current ? '3px' : '1px')};
  border-radius: ${({ theme }) => theme.borderRadius.normal};
  cursor: pointer;

  &:hover {
    border-color: ${({ theme }) => theme.colors.primary};
  }

  &:focus-visible {
    outline: none;
    box-shadow: ${({ theme }) => `0 0 0 4px ${theme.colors.primary20}`};
  }
`;

const Marker = styled.span<{ $todo: boolean }>`
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 1.5rem;
  height: 1.5rem;
  margin-top: 0.125rem;
  border-radius: 50%;
  font-weight: 600;
  color: ${({ theme }) => theme.colors.secondary70};
  border: ${({ theme, $todo }) => ($todo ? `2px solid ${theme.colors.secondary50}` : 'none')};
`;

const Title = styled.span`
  font-weight: 600;
  overflow-wrap: anywhere;
`;

const Note = styled.span`
  display: block;
  font-size: ${({ theme }) => theme.typography.fontSize.small};
  color: ${({ theme }) => theme.colors.secondary60};
  overflow-wrap: anywhere;
`;

/** The id of a step's description (its number and state). */
export const statusId = (id: SetupStepId): string => `fb-setup-step-${id}-status`;

function StepMarker({ step }: { step: SetupStep }) {
  if (step.status === 'done') return <CheckCircleIcon color="success" size="xLarge" aria-hidden />;
  if (step.status === 'attention') return <WarningIcon color="warning" size="xLarge" aria-hidden />;
  if (step.status === 'busy') return <ProgressCircle size="xSmall" />;
  return (
    <Marker $todo aria-hidden>
      {step.number}
    </Marker>
  );
}

interface SetupStepNavProps {
  steps: readonly SetupStep[];
  current: SetupStepId;
  onSelect(id: SetupStepId): void;
}

/** The four steps, each showing whether it is done; any step can be opened again. */
export function SetupStepNav({ steps, current, onSelect }: SetupStepNavProps) {
  return (
    <nav aria-label="Setup steps">
      <Steps>
        {steps.map((step) => (
          <li key={step.id}>
            <StepButton
              type="button"
              $current={step.id === current}
              aria-current={step.id === current ? 'step' : undefined}
              // Named by what it shows (title and note); the number and state the marker shows in
              // colour are its description.
              aria-describedby={statusId(step.id)}
              onClick={() => onSelect(step.id)}
            >
              <StepMarker step={step} />
              <span>
                <Title>{step.title}</Title>
                <Note>{step.note}</Note>
              </span>
              <span id={statusId(step.id)} hidden>
                Step {step.number} of {steps.length}: {stepStatusText(step.status).toLowerCase()}
              </span>
            </StepButton>
          </li>
        ))}
      </Steps>
    </nav>
  );
}

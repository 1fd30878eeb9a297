import { Badge, Box, Button, H3, Link, Small, Text } from '@bigcommerce/big-design';
import { useSyncExternalStore } from 'react';
import styled from 'styled-components';
import { Modal } from '../components/Modal';
import { orderStateBadge } from '../lib/badges';
import { navigate } from '../router/history';
import { useSession } from '../session/useSession';
import { ORDER_STATE_MEANINGS, SETUP_STEPS } from './helpContent';
import { getSupportContact, onSupportContactChange, supportLinks } from './support';

const Steps = styled.ol`
  margin: 0 0 ${({ theme }) => theme.spacing.medium};
  padding-left: ${({ theme }) => theme.spacing.large};

  > li {
    margin-bottom: ${({ theme }) => theme.spacing.xSmall};
  }
`;

const States = styled.dl`
  display: grid;
  grid-template-columns: max-content minmax(0, 1fr);
  gap: ${({ theme }) => theme.spacing.xSmall} ${({ theme }) => theme.spacing.medium};
  align-items: baseline;
  margin: 0 0 ${({ theme }) => theme.spacing.large};

  dd {
    margin: 0;
  }
`;

interface HelpModalProps {
  isOpen: boolean;
  onClose(): void;
}

/** The app's own help: how to set up, what an order's state means, and how to reach support. */
export function HelpModal({ isOpen, onClose }: HelpModalProps) {
  const session = useSession();
  const contact = useSyncExternalStore(onSupportContactChange, getSupportContact);
  const links = supportLinks(contact);

  return (
    <Modal isOpen={isOpen} header="Help" onClose={onClose} closeOnEscKey closeOnClickOutside>
      <H3>Set up in four steps</H3>
      <Steps>
        {SETUP_STEPS.map((step) => (
          <li key={step.title}>
            <Text bold marginBottom="none">
              {step.title}
            </Text>
            <Small marginBottom="none">{step.text}</Small>
          </li>
        ))}
      </Steps>
      {session.status === 'active' && (
        <Box marginBottom="large">
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              onClose();
              navigate('/setup');
            }}
          >
            Open the setup
          </Button>
        </Box>
      )}
      <H3>What an order’s state means</H3>
      <States>
        {ORDER_STATE_MEANINGS.map((s) => {
          const badge = orderStateBadge(s.state);
          return (
            <div key={s.state} style={{ display: 'contents' }}>
              <dt>
                <Badge label={badge.label} variant={badge.variant} />
              </dt>
              <dd>
                <Small marginBottom="none">{s.meaning}</Small>
              </dd>
            </div>
          );
        })}
      </States>
      <H3>Need a hand?</H3>
      {links.length > 0 ? (
        <Text marginBottom="none">
          {links.map((l, i) => (
            <span key={l.href}>
              {i > 0 && ' · '}
              {l.newTab ? (
                <Link href={l.href} target="_blank" rel="noopener noreferrer" external>
                  {l.label}
                </Link>
              ) : (
                <Link href={l.href}>{l.label}</Link>
              )}
            </span>
          ))}
        </Text>
      ) : (
        <Text marginBottom="none">Contact the app’s developer through its App Marketplace listing.</Text>
      )}
    </Modal>
  );
}

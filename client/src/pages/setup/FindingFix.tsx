import { Button, Link, Small } from '@bigcommerce/big-design';
import { AppLink } from '../../components/AppLink';
import type { SafeFix } from './readiness';
import type { FixState } from './readinessStore';

interface FindingFixProps {
  fix: SafeFix;
  /** The subject, so "Map it" links and buttons say what they act on for screen readers. */
  subject: string;
  state: FixState | undefined;
  onAction(productId: number): void;
}

/** One click to the fix: a page of the app, an action the app performs, or the BigCommerce control panel. */
export function FindingFix({ fix, subject, state, onAction }: FindingFixProps) {
  // 'Map "Flat Rate"' already says what it acts on; "Track inventory" needs the product's name.
  const name = fix.label.includes(subject) ? fix.label : `${fix.label}: ${subject}`;
  if (fix.kind === 'link') {
    return (
      <AppLink to={fix.path} aria-label={name === fix.label ? undefined : name}>
        {fix.label}
      </AppLink>
    );
  }
  if (fix.kind === 'external') {
    return (
      <Link href={fix.url} target="_blank" rel="noopener noreferrer" external aria-label={`${name} (opens the BigCommerce control panel in a new tab)`}>
        {fix.label}
      </Link>
    );
  }
  if (state?.status === 'done') {
    return (
      <Small color="success70" marginBottom="none" role="status">
        {state.message}
      </Small>
    );
  }
  return (
    <div>
      <Button
        type="button"
        variant="secondary"
        marginVertical="none"
        isLoading={state?.status === 'busy'}
        aria-label={name === fix.label ? undefined : name}
        onClick={() => onAction(fix.productId)}
      >
        {fix.label}
      </Button>
      {state?.status === 'error' && (
        <Small color="danger" marginBottom="none" role="alert">
          {state.message}
        </Small>
      )}
    </div>
  );
}

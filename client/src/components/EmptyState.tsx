import { Flex, Text } from '@bigcommerce/big-design';
import type { ReactNode } from 'react';

/** Friendly text where a table has no rows. */
export function EmptyState({ title, message, action }: { title: string; message?: string; action?: ReactNode }) {
  return (
    <Flex flexDirection="column" alignItems="center" paddingVertical="xxLarge" paddingHorizontal="medium">
      <Text bold marginBottom="xxSmall" style={{ textAlign: 'center' }}>
        {title}
      </Text>
      {message && (
        <Text color="secondary60" marginBottom="none" style={{ textAlign: 'center', maxWidth: '36rem' }}>
          {message}
        </Text>
      )}
      {action && (
        <Flex flexDirection="row" marginTop="medium">
          {action}
        </Flex>
      )}
    </Flex>
  );
}

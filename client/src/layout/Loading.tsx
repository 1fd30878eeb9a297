import { Flex, ProgressCircle, Text } from '@bigcommerce/big-design';

/** Centered spinner with a visible, announced label. */
export function Loading({ label }: { label: string }) {
  return (
    <Flex role="status" aria-live="polite" flexDirection="column" alignItems="center" justifyContent="center" paddingVertical="xxxLarge">
      <ProgressCircle size="large" />
      <Text color="secondary60" marginTop="medium" marginBottom="none">
        {label}
      </Text>
    </Flex>
  );
}

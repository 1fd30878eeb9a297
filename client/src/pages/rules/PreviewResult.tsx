import { Box, H3, Message, Text } from '@bigcommerce/big-design';
import type { OrderPreviewResponse } from '../../../../server/api/contract';
import { JsonBlock } from '../../components/JsonBlock';
import { bodyCaption, previewSummary } from './preview';

/** A dry run's answer: the outcome in words, the notes, and exactly the body (lazy JSON viewer). */
export function PreviewResult({ preview, maxHeight = '24rem' }: { preview: OrderPreviewResponse; maxHeight?: string }) {
  const summary = previewSummary(preview);
  const notes = Array.isArray(preview.notes) ? preview.notes.filter((n) => typeof n === 'string' && n.trim() !== '') : [];
  const hasBody = preview.body !== null && preview.body !== undefined;
  return (
    <Box marginTop="medium">
      <Message
        type={summary.tone}
        marginBottom="medium"
        header={summary.header}
        messages={[{ text: summary.text }, ...notes.map((text) => ({ text }))]}
        aria-label={summary.header}
      />
      <H3>{bodyCaption(preview)}</H3>
      {hasBody ? (
        <JsonBlock value={preview.body} label={`Body for order #${preview.orderId}`} maxHeight={maxHeight} />
      ) : (
        <Text color="secondary60" marginBottom="none">
          Fix what stops it, then try again to see the body.
        </Text>
      )}
    </Box>
  );
}

import { Button, Flex, InlineMessage, Message, Small, Table, Text, Textarea } from '@bigcommerce/big-design';
import { CloudUploadIcon } from '@bigcommerce/big-design-icons';
import { useRef, useState, type ChangeEvent } from 'react';
import type { SkuImportResult } from '../../../../server/api/contract';
import { api } from '../../api/http';
import { useAction } from '../../api/useAction';
import { Modal } from '../../components/Modal';
import { TableBox } from '../../components/TableBox';
import { checkCsvFile, importSummary, prepareSkuCsv, SKU_CSV_HEADER } from '../../lib/csv';

/** Errors listed in the modal; the rest are counted. */
const SHOWN_ERRORS = 50;

export function SkuImportModal({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [result, setResult] = useState<SkuImportResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useAction((csv: string) => api.post<SkuImportResult>('/api/sku-mappings/import', { csv }));

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again still fires change
    if (!file) return;
    setResult(null);
    const error = checkCsvFile(file);
    if (error) {
      setProblem(error);
      return;
    }
    try {
      setText(await file.text());
      setFileName(file.name);
      setProblem(null);
    } catch {
      setProblem(`“${file.name}” couldn't be read. Save it again as CSV and retry.`);
    }
  };

  const onImport = async () => {
    setResult(null);
    const prepared = prepareSkuCsv(text);
    if (!prepared.ok) {
      setProblem(prepared.error);
      return;
    }
    setProblem(null);
    const answer = await upload.run(prepared.csv);
    if (answer) {
      setResult(answer);
      onImported();
    }
  };

  const errors = result?.errors ?? [];
  return (
    <Modal
      isOpen
      header="Import SKU mappings"
      onClose={onClose}
      closeOnEscKey
      actions={[
        { text: result ? 'Close' : 'Cancel', variant: 'subtle', onClick: onClose },
        ...(result ? [] : [{ text: 'Import', isLoading: upload.busy, onClick: () => void onImport() }]),
      ]}
    >
      <Text>
        Upload a CSV file with two columns. The first line must be <code>{SKU_CSV_HEADER}</code>. Existing mappings for the same BigCommerce SKU are updated.
      </Text>
      <Text>
        For a bundle or kit, list its warehouse SKUs with their quantities in the second column, separated by <code>|</code>: <code>GIFT-SET,MUG-1*1|TEA-3*2</code> sends one gift
        set as one MUG-1 and two TEA-3. Export CSV writes the same format.
      </Text>
      <input ref={fileInput} type="file" accept=".csv,text/csv,text/plain" hidden onChange={(event) => void onFile(event)} />
      <Flex flexDirection="row" alignItems="center" flexGap="0.75rem" flexWrap="wrap" marginBottom="medium">
        <Button variant="secondary" iconLeft={<CloudUploadIcon />} onClick={() => fileInput.current?.click()}>
          Choose CSV file
        </Button>
        <Small marginBottom="none">{fileName ? `Loaded ${fileName}. You can check it below.` : 'or paste the rows below.'}</Small>
      </Flex>
      <Textarea
        label="CSV"
        rows={7}
        value={text}
        placeholder={`${SKU_CSV_HEADER}\nTSHIRT-RED-M,WH-10042\nMUG-BLUE,WH-20077\nGIFT-SET,MUG-1*1|TEA-3*2`}
        spellCheck={false}
        onChange={(event) => {
          setText(event.target.value);
          setResult(null);
        }}
      />
      {problem && <InlineMessage type="error" marginTop="medium" messages={[{ text: problem }]} />}
      {upload.error && <InlineMessage type="error" marginTop="medium" header="The file wasn't imported" messages={[{ text: upload.error.message }]} />}
      {result && (
        <Message
          type={errors.length > 0 ? 'warning' : 'success'}
          marginTop="medium"
          header={errors.length > 0 ? 'Imported with some problems' : 'Import finished'}
          messages={[{ text: importSummary(result) }]}
        />
      )}
      {errors.length > 0 && (
        <>
          <TableBox>
            <Table
              columns={[
                { hash: 'line', header: 'Line', width: '4rem', render: ({ line }) => line },
                { hash: 'message', header: 'Problem', render: ({ message }) => message },
              ]}
              items={errors.slice(0, SHOWN_ERRORS).map((error, index) => ({ ...error, id: index }))}
              stickyHeader
            />
          </TableBox>
          {errors.length > SHOWN_ERRORS && <Small marginTop="small">And {errors.length - SHOWN_ERRORS} more lines with problems.</Small>}
        </>
      )}
    </Modal>
  );
}

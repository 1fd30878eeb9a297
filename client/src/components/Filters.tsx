import { Button, Datepicker, Flex, FlexItem, Search } from '@bigcommerce/big-design';
import { useEffect, useState, type ReactNode } from 'react';
import { localDayOf, startOfLocalDayIso, type DateRange } from '../lib/dates';

/** A wrapping row of filters above a table, bottom-aligned so labelled and unlabelled controls line up. */
export function FilterBar({ children }: { children: ReactNode }) {
  return (
    <Flex flexDirection="row" flexWrap="wrap" flexGap="1rem" alignItems="flex-end" marginBottom="medium">
      {children}
    </Flex>
  );
}

/** One filter; full width on phones. */
export function FilterItem({ children, width = '12rem', grow = 0 }: { children: ReactNode; width?: string; grow?: number }) {
  return (
    <FlexItem flexBasis={{ mobile: '100%', tablet: width }} flexGrow={grow} flexShrink={1}>
      {children}
    </FlexItem>
  );
}

interface SearchFieldProps {
  /** The applied value (from the URL); the field edits a draft until it is submitted. */
  value: string;
  onSearch(value: string): void;
  placeholder: string;
  label: string;
  /** Filters what can be typed (e.g. digits only for order ids). */
  sanitize?(value: string): string;
  inputMode?: 'numeric' | 'text';
}

export function SearchField({ value, onSearch, placeholder, label, sanitize, inputMode }: SearchFieldProps) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <Search
      value={draft}
      aria-label={label}
      placeholder={placeholder}
      inputMode={inputMode}
      onChange={(event) => {
        const next = sanitize ? sanitize(event.target.value) : event.target.value;
        setDraft(next);
        // Clearing the box (the native "x" included) clears the filter straight away.
        if (next === '' && value !== '') onSearch('');
      }}
      onSubmit={() => onSearch(draft.trim())}
    />
  );
}

/** From/To calendar days in the user's time zone (BigDesign Datepicker). */
export function DateRangeFilters({ range, onChange }: { range: DateRange; onChange(range: DateRange): void }) {
  const fromIso = startOfLocalDayIso(range.from) ?? undefined;
  const toIso = startOfLocalDayIso(range.to) ?? undefined;
  // Nothing can have happened after today.
  const today = startOfLocalDayIso(localDayOf(new Date().toISOString())) ?? undefined;
  return (
    <>
      <FilterItem width="13rem">
        <Datepicker label="From" placeholder="Any date" value={fromIso} max={toIso ?? today} onDateChange={(iso) => onChange({ ...range, from: localDayOf(iso) })} />
      </FilterItem>
      <FilterItem width="13rem">
        <Datepicker label="To" placeholder="Any date" value={toIso} min={fromIso} max={today} onDateChange={(iso) => onChange({ ...range, to: localDayOf(iso) })} />
      </FilterItem>
    </>
  );
}

export function ClearFiltersButton({ onClick }: { onClick(): void }) {
  return (
    <FlexItem flexShrink={0}>
      <Button type="button" variant="subtle" onClick={onClick} marginBottom="xxSmall">
        Clear filters
      </Button>
    </FlexItem>
  );
}

import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { ApiRequestError } from '../../api/http';
import { useAction } from '../../api/useAction';
import { useUnsavedChanges } from '../../lib/unsavedChanges';
import type { FieldErrors } from './forms';
import { isConflict, isDirty, sameValues, shownValues } from './settingsForm';

export interface SettingsFormOptions<T, R> {
  /** The form's name as the leave prompt lists it ("Order import"). */
  name: string;
  /** The saved values (from the newest answer). */
  saved: T;
  equals?: (a: T, b: T) => boolean;
  /** Checks before sending; field → message. */
  validate?: (values: T) => FieldErrors;
  save(values: T): Promise<R>;
  onSaved?(result: R): void;
  savedText: string | ((result: R, values: T) => string);
  /** Called by "Reload" after a 409 (the page reads the saved settings again). */
  reload?(): Promise<void> | void;
  readOnly?: boolean;
}

export interface SettingsForm<T> {
  values: T;
  edit(patch: Partial<T>): void;
  dirty: boolean;
  busy: boolean;
  readOnly: boolean;
  /** The last save's failure (not a conflict: see `conflict`). */
  error: ApiRequestError | null;
  conflict: boolean;
  fieldError(name: string): string | undefined;
  success: string | null;
  submit(event?: FormEvent): Promise<void>;
  cancel(): void;
  reload(): void;
}

/** The one save model (settingsForm.ts): shows saved values, tracks edits, Save/Cancel, 4xx/409 handling. */
export function useSettingsForm<T extends object, R>(options: SettingsFormOptions<T, R>): SettingsForm<T> {
  const { name, saved, equals = sameValues, readOnly = false } = options;
  const [draft, setDraft] = useState<T | null>(null);
  const [fields, setFields] = useState<FieldErrors>({});
  const [success, setSuccess] = useState<string | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const action = useAction((values: T) => latest.current.save(values));
  const values = shownValues(saved, draft);
  const dirty = isDirty(saved, draft, equals);
  useUnsavedChanges(name, dirty && !readOnly);

  const edit = useCallback((patch: Partial<T>) => {
    setSuccess(null);
    setDraft((current) => ({ ...(current ?? latest.current.saved), ...patch }));
    setFields((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch)) delete next[key];
      return next;
    });
  }, []);

  const cancel = () => {
    setDraft(null);
    setFields({});
    setSuccess(null);
    action.reset();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (readOnly || !dirty || action.busy) return;
    setSuccess(null);
    const errors = latest.current.validate?.(values) ?? {};
    setFields(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await action.run(values);
    if (result === undefined) return;
    setDraft(null);
    const { savedText, onSaved } = latest.current;
    onSaved?.(result);
    setSuccess(typeof savedText === 'function' ? savedText(result, values) : savedText);
  };

  const conflict = isConflict(action.error);
  return {
    values,
    edit,
    dirty,
    busy: action.busy,
    readOnly,
    error: conflict ? null : action.error,
    conflict,
    fieldError: (field) => fields[field] ?? (conflict ? undefined : action.error?.fields?.[field]),
    success: dirty ? null : success,
    submit,
    cancel,
    reload: () => {
      cancel();
      void latest.current.reload?.();
    },
  };
}

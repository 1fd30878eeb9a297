// The order rules list for the Settings panel: loading, saving a rule from the editor (POST a new
// one, PUT an edit with the updatedAt it was opened with), turning one on or off, deleting, moving
// up or down, and what to say after each. A 409 "stale" (someone else changed the rules) is kept
// as `conflict` so the panel offers to reload. No React, no DOM: unit-tested with a mocked fetch.
import type { OrderRule, OrderRuleInput, OrderRulesResponse } from '../../../../server/api/contract.js';
import { asApiError, type ApiClient, type ApiRequestError } from '../../api/http.js';
import { isStale, movedIds } from './ruleDraft.js';

export type Notice = { type: 'success' | 'error'; text: string };

export interface RulesState {
  status: 'loading' | 'ready' | 'error';
  /** In evaluation order. */
  rules: OrderRule[];
  loadError: ApiRequestError | null;
  /** The rule a list action (on/off, move, delete) is running for. */
  busyId: number | null;
  notice: Notice | null;
  /** A list action was refused because someone else changed the rules: reload offered. */
  conflict: boolean;
}

export type SaveOutcome = { ok: true; rule: OrderRule } | { ok: false; error: ApiRequestError };

export interface RulesStore {
  getState(): RulesState;
  subscribe(listener: () => void): () => void;
  load(): Promise<void>;
  /** From the editor: creates (editing null) or updates the rule; the list follows. */
  save(editing: OrderRule | null, input: OrderRuleInput): Promise<SaveOutcome>;
  setEnabled(rule: OrderRule, enabled: boolean): Promise<void>;
  remove(rule: OrderRule): Promise<boolean>;
  move(rule: OrderRule, direction: -1 | 1): Promise<void>;
  dismissNotice(): void;
}

const inEvaluationOrder = (rules: OrderRule[]): OrderRule[] => [...rules].sort((a, b) => a.position - b.position);

export const ruleInputOf = (rule: OrderRule): OrderRuleInput => ({ name: rule.name, action: rule.action, enabled: rule.enabled, conditions: rule.conditions });

export function createRulesStore(api: Pick<ApiClient, 'get' | 'post' | 'put' | 'delete'>): RulesStore {
  let state: RulesState = { status: 'loading', rules: [], loadError: null, busyId: null, notice: null, conflict: false };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<RulesState>) => {
    state = { ...state, ...patch };
    listeners.forEach((l) => l());
  };

  const load = async () => {
    try {
      const answer = await api.get<OrderRulesResponse>('/api/rules');
      const rules = Array.isArray(answer?.items) ? answer.items : [];
      set({ status: 'ready', rules: inEvaluationOrder(rules), loadError: null, conflict: false });
    } catch (err) {
      const error = asApiError(err);
      // A failed refresh keeps the list on screen; only a first load shows the error instead.
      set(state.status === 'ready' ? { notice: { type: 'error', text: `The rules couldn’t be reloaded: ${error.message}` } } : { status: 'error', loadError: error });
    }
  };

  /** Runs a list action; a stale answer turns into the reload offer, any other failure into a message. */
  const act = async (rule: OrderRule, run: () => Promise<void>) => {
    set({ busyId: rule.id, notice: null });
    try {
      await run();
    } catch (err) {
      const error = asApiError(err);
      if (error.sessionEnded) return;
      if (isStale(error)) set({ conflict: true });
      else set({ notice: { type: 'error', text: error.message } });
    } finally {
      set({ busyId: null });
    }
  };

  const upsert = (rule: OrderRule) => {
    const others = state.rules.filter((r) => r.id !== rule.id);
    set({ rules: inEvaluationOrder([...others, rule]) });
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    load,
    async save(editing, input) {
      try {
        const rule = editing
          ? await api.put<OrderRule>(`/api/rules/${editing.id}`, { ...input, baseUpdatedAt: editing.updatedAt })
          : await api.post<OrderRule>('/api/rules', input);
        upsert(rule);
        const after = editing ? ' Orders it held or skipped are checked again.' : '';
        set({ notice: { type: 'success', text: `Rule “${rule.name}” saved.${after}` }, conflict: false });
        // Counts of affected orders move as orders are checked again: read them back.
        void load();
        return { ok: true, rule };
      } catch (err) {
        return { ok: false, error: asApiError(err) };
      }
    },
    setEnabled: (rule, enabled) =>
      act(rule, async () => {
        const saved = await api.put<OrderRule>(`/api/rules/${rule.id}`, { ...ruleInputOf(rule), enabled, baseUpdatedAt: rule.updatedAt });
        upsert(saved);
        const text = enabled
          ? `“${saved.name}” is on: new orders it matches are ${saved.action === 'hold' ? 'held' : 'skipped'}.`
          : `“${saved.name}” is off: the orders it held are checked again and sent if nothing else holds them.`;
        set({ notice: { type: 'success', text } });
        void load();
      }),
    async remove(rule) {
      let done = false;
      await act(rule, async () => {
        await api.delete<void>(`/api/rules/${rule.id}`);
        set({ rules: state.rules.filter((r) => r.id !== rule.id), notice: { type: 'success', text: `Rule “${rule.name}” deleted. The orders it held are checked again.` } });
        done = true;
      });
      return done;
    },
    move: (rule, direction) =>
      act(rule, async () => {
        const ids = movedIds(state.rules, rule.id, direction);
        if (!ids) return;
        const answer = await api.post<OrderRulesResponse>('/api/rules/order', { ids });
        set({
          rules: inEvaluationOrder(Array.isArray(answer?.items) ? answer.items : state.rules),
          notice: { type: 'success', text: `“${rule.name}” moved ${direction < 0 ? 'up' : 'down'}.` },
        });
      }),
    dismissNotice: () => set({ notice: null }),
  };
}

import { useEffect, useSyncExternalStore } from 'react';
import { readinessStore } from './readinessInstance';
import type { ReadinessState } from './readinessStore';

/** The shared scan state; while a component using it is on screen, the scan is loaded and followed. */
export function useReadiness(): ReadinessState {
  useEffect(() => readinessStore.retain(), []);
  return useSyncExternalStore(readinessStore.subscribe, readinessStore.getState);
}

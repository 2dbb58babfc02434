import { useRouterState } from '@tanstack/react-router';

declare module '@tanstack/history' {
  interface HistoryState {
    /** A one-line confirmation to show on the page navigated to, e.g. after creating a record. */
    flash?: string;
  }
}

/** The confirmation passed along with the navigation to this page, if any. */
export function useFlash(): string | undefined {
  return useRouterState({ select: (state) => state.location.state.flash });
}

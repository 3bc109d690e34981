/**
 * Loads data for a page and keeps its state: loading, the data, or the problem the server sent.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiProblem } from './client';

export interface Loaded<T> {
  data: T | undefined;
  problem: ApiProblem | undefined;
  loading: boolean;
  reload(): void;
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; problem?: ApiProblem; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  const run = useCallback(load, deps);
  useEffect(() => {
    let cancelled = false;
    setState((previous) => ({ ...previous, loading: true }));
    run().then(
      (data) => { if (!cancelled) setState({ data, loading: false }); },
      (error: unknown) => {
        if (cancelled) return;
        const problem = error instanceof ApiProblem ? error : new ApiProblem({ status: 0, title: 'Error', code: 'CLIENT', detail: String(error) });
        setState({ problem, loading: false });
      },
    );
    return () => { cancelled = true; };
  }, [run, round]);
  return { data: state.data, problem: state.problem, loading: state.loading, reload: () => setRound((value) => value + 1) };
}

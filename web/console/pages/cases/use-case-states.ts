import { useEffect, useState } from 'react';
import { caseApi } from '../../api/endpoints.ts';

/** A case type's states as select options, from the server's workflow definitions (lists filter on them). */
export function useCaseStates(caseType: string): { value: string; label: string }[] {
  const [states, setStates] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    caseApi.types().then(
      (types) => setStates(types.find((t) => t.caseType === caseType)?.states.map((s) => ({ value: s.state, label: s.label })) ?? []),
      () => setStates([]),
    );
  }, [caseType]);
  return states;
}

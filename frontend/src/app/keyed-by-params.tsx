import type { ComponentType } from 'react';
import { useParams } from 'react-router-dom';

/**
 * A page shows one record: moving to another patient, order or study on the same route (the header search, a link in
 * a notification) mounts the page afresh instead of reusing it, so that no form, dialog or result of the previous
 * record stays on screen. React Router keeps a route's component mounted when only its parameters change: a lung-risk
 * result and the edited demographics of patient A were shown, and could be saved, on patient B's chart.
 */
export function keyedByParams(Page: ComponentType): ComponentType {
  function KeyedByParams() {
    const params = useParams();
    return <Page key={JSON.stringify(params)} />;
  }
  KeyedByParams.displayName = `KeyedByParams(${Page.displayName ?? Page.name})`;
  return KeyedByParams;
}
